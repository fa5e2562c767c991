// The server's stderr logger: the lines of one turn of the event loop go out together in one write right after it,
// in the order they were logged; flushStderr writes what is pending at once (before a process exits).

import * as assert from 'node:assert/strict';
import { flushStderr, stderrLogger } from '../../../src/server/log';

describe('server/log: stderr lines', () => {
  const original = process.stderr.write.bind(process.stderr);
  let writes: string[] = [];
  beforeEach(() => {
    writes = [];
    process.stderr.write = ((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
  });
  afterEach(() => {
    process.stderr.write = original;
  });

  it('writes the lines of one turn in one write, after the turn, in order', async () => {
    const log = stderrLogger('t');
    log.info('one');
    log.child('c').warn('two');
    log.error('three');
    assert.equal(writes.length, 0);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(writes.length, 1);
    const lines = writes[0].split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0], /^\d{4}-\d\d-\d\dT\S+Z info \[t\] one$/);
    assert.match(lines[1], / warn \[t\/c\] two$/);
    assert.match(lines[2], / error \[t\] three$/);
    assert.equal(lines[3], '');
  });

  it('flushStderr writes what is pending now, and nothing is written twice', async () => {
    stderrLogger().info('now');
    flushStderr();
    assert.equal(writes.length, 1);
    assert.match(writes[0], / info \[sandbox\] now\n$/);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(writes.length, 1);
  });
});
