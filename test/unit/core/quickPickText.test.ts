import * as assert from 'assert';
import { quickPickText } from '../../../src/core/quickPickText';

describe('core/quickPickText: untrusted text in QuickPick items', () => {
  it('breaks up codicon syntax and removes control and bidi characters', () => {
    assert.strictEqual(quickPickText('$(alert) \u202Eboom\u0007'), '$\u2009(alert) boom ');
    assert.ok(quickPickText('x'.repeat(70_000)).length <= 120);
  });
});
