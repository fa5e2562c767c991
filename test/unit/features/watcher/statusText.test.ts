import * as assert from 'node:assert/strict';
import { statusBarSafe } from '../../../../src/features/watcher/statusText';
import { HOSTILE_STRINGS } from '../../core/hostile';

describe('features/watcher/statusText', () => {
  it('removes icon syntax, so a device cannot draw our icons', () => {
    assert.equal(statusBarSafe('$(check) fine'), 'fine');
    assert.equal(statusBarSafe('a$(sync~spin)b'), 'ab');
    assert.equal(statusBarSafe('$($(x))'), ')');
    assert.ok(!statusBarSafe('$$((x))').includes('$('));
    assert.ok(!statusBarSafe('$(unclosed').includes('$('));
  });
  it('drops control and bidirectional characters and bounds the length', () => {
    assert.equal(statusBarSafe('\u202Eevil\u202C live'), 'evil live');
    assert.equal(statusBarSafe('a\u0000b'), 'a b');
    assert.equal(statusBarSafe('x'.repeat(100), 10).length, 10);
  });
  it('survives every hostile string', () => {
    for (const text of HOSTILE_STRINGS) {
      const out = statusBarSafe(text);
      assert.ok(out.length <= 40);
      assert.ok(!out.includes('$('));
      // eslint-disable-next-line no-control-regex -- control characters must be gone
      assert.ok(!/[\u0000-\u001f\u202a-\u202e]/.test(out));
    }
  });
});
