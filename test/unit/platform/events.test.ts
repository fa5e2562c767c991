// The Emitter's neighbour, DisposableStore: last added, first disposed; each once; an error in one
// dispose does not keep the others alive; anything added after disposal is disposed at once.
import * as assert from 'assert';
import { DisposableStore } from '../../../src/platform/events';

function recorder(log: string[], name: string, fail = false) {
  return {
    dispose: () => {
      log.push(name);
      if (fail) throw new Error(`${name} failed`);
    },
  };
}

describe('platform/events: DisposableStore', () => {
  it('disposes in the reverse order of adding, once', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    const first = store.add(recorder(log, 'a'));
    store.push(recorder(log, 'b'), recorder(log, 'c'));
    assert.strictEqual(typeof first.dispose, 'function');
    store.dispose();
    store.dispose();
    assert.deepStrictEqual(log, ['c', 'b', 'a']);
  });

  it('disposes the rest when one throws, then rethrows the first error', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.push(recorder(log, 'a'), recorder(log, 'b', true), recorder(log, 'c', true));
    assert.throws(() => store.dispose(), /c failed/);
    assert.deepStrictEqual(log, ['c', 'b', 'a']);
  });

  it('clear() empties the store and keeps it open; after dispose() an added item goes at once', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.push(recorder(log, 'a'), recorder(log, 'b'));
    store.clear();
    assert.deepStrictEqual(log, ['b', 'a']);
    store.add(recorder(log, 'c'));
    store.dispose();
    assert.deepStrictEqual(log, ['b', 'a', 'c']);
    store.add(recorder(log, 'late'));
    assert.deepStrictEqual(log, ['b', 'a', 'c', 'late']);
  });
});
