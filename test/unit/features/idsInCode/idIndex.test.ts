// The index of known ids: any source adds through one call; `version` moves only when the set of
// known ids changes; each source is bounded; pins are replaced as a set; a platform change clears.
import * as assert from 'assert';
import { IdIndex } from '../../../../src/features/idsInCode/idIndex';

describe('features/idsInCode/idIndex', () => {
  it('holds ids from any source, tells which, and announces only new ones', () => {
    const index = new IdIndex();
    const added: string[][] = [];
    index.on('added', (ids) => added.push([...ids]));
    index.add('tree', ['d:org1x2:t:a', 'sensor-b']);
    index.add('broker', ['sensor-b', 'client/with spaces']);
    index.add('debug', ['sensor-b']);
    assert.deepStrictEqual(added, [['d:org1x2:t:a', 'sensor-b'], ['client/with spaces']]);
    assert.strictEqual(index.size, 3);
    assert.ok(index.has('client/with spaces'));
    assert.deepStrictEqual(index.sourcesOf('sensor-b'), ['tree', 'broker', 'debug']);
  });

  it('moves its version when the set changes, not when a known id comes again', () => {
    const index = new IdIndex();
    const v0 = index.version;
    index.add('tree', ['a1']);
    const v1 = index.version;
    index.add('tree', ['a1']);
    index.add('pins', ['a1']);
    assert.ok(v1 > v0);
    assert.strictEqual(index.version, v1);
    index.replace('pins', []);
    assert.strictEqual(index.version, v1, 'still known from the tree');
    index.replace('tree', []);
    assert.ok(index.version > v1);
    assert.ok(!index.has('a1'));
  });

  it('keeps the most recent ids of a source up to its bound', () => {
    const index = new IdIndex(3);
    index.add('lookups', ['a', 'b', 'c']);
    index.add('lookups', ['a']); // now the most recent
    index.add('lookups', ['d']);
    assert.deepStrictEqual(
      ['a', 'b', 'c', 'd'].filter((id) => index.has(id)),
      ['a', 'c', 'd'],
    );
  });

  it('ignores what cannot be a client id: empty, over 65,535 characters, not a string', () => {
    const index = new IdIndex();
    index.add('broker', ['', 'x'.repeat(65_536), 42 as unknown as string, 'x'.repeat(65_535)]);
    assert.strictEqual(index.size, 1);
  });

  it('forgets everything when the platform changes', () => {
    const index = new IdIndex();
    index.add('tree', ['a', 'b']);
    const v = index.version;
    index.clear();
    assert.strictEqual(index.size, 0);
    assert.ok(index.version > v);
  });
});
