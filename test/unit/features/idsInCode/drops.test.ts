// Drops of a day: counted from log events (clean closes are not drops; 91 and 288 are), kept up
// to date by later drops without counting one event twice.
import * as assert from 'assert';
import { eventsFromLog } from '../../../../src/core/events/fromLog';
import { addDrop, isDrop, noDrops, startOfDay, tallyDrops } from '../../../../src/features/idsInCode/drops';

const DAY = startOfDay(Date.parse('2024-05-01T12:00:00'));
const at = (hhmm: string) => new Date(`2024-05-01T${hhmm}:00`).toISOString();

function logOf(...lines: [string, string][]) {
  // Newest first, as the API sends them.
  return lines.map(([time, message]) => ({ timestamp: at(time), message })).reverse();
}

describe('features/idsInCode/drops', () => {
  it('counts drops of the day by close code, the most frequent first', () => {
    const events = eventsFromLog(
      logOf(
        ['08:00', "Token auth succeeded: ClientID='d:org1x2:t:x', ClientIP=10.0.0.1"],
        ['08:10', 'Closed connection from 10.0.0.1. The connection timed out.'],
        ['08:11', "Token auth succeeded: ClientID='d:org1x2:t:x', ClientIP=10.0.0.1"],
        ['08:20', 'Closed connection from 10.0.0.1. The connection was closed by the client.'],
        ['08:21', "Token auth succeeded: ClientID='d:org1x2:t:x', ClientIP=10.0.0.1"],
        ['09:00', 'Closed connection from 10.0.0.1. The connection timed out.'],
        ['09:01', "Token auth succeeded: ClientID='d:org1x2:t:x', ClientIP=10.0.0.1"],
        ['10:00', 'Closed connection from 10.0.0.1. The connection has completed normally.'],
      ),
    );
    const tally = tallyDrops(events, DAY, true);
    assert.strictEqual(tally.total, 3);
    assert.deepStrictEqual(tally.codes, [
      [160, 2],
      [91, 1],
    ]);
    assert.strictEqual(tally.atLeast, false);
    assert.strictEqual(tally.latest, Date.parse(at('09:00')));
  });

  it('leaves out drops of an earlier day and marks a tally read from a partial log', () => {
    const events = eventsFromLog([
      {
        timestamp: new Date(DAY - 60_000).toISOString(),
        message: 'Closed connection from 1.2.3.4. The connection timed out.',
      },
    ]);
    assert.deepStrictEqual(tallyDrops(events, DAY, false), { day: DAY, total: 0, codes: [], atLeast: true });
  });

  it('adds a later drop once, whichever source tells it first', () => {
    let tally = noDrops(DAY);
    const t = Date.parse(at('11:00'));
    tally = addDrop(tally, { time: t, closeCode: 94 });
    tally = addDrop(tally, { time: t + 300, closeCode: 94 }); // the same drop from the state API
    tally = addDrop(tally, { time: t + 60_000, closeCode: 0 }); // a clean close
    tally = addDrop(tally, { time: DAY - 1, closeCode: 160 }); // yesterday
    tally = addDrop(tally, { time: t + 120_000, closeCode: 288 });
    assert.strictEqual(tally.total, 2);
    assert.deepStrictEqual(tally.codes, [
      [94, 1],
      [288, 1],
    ]);
  });

  it('calls a close a drop unless the client ended it cleanly', () => {
    assert.strictEqual(isDrop(0, 'client'), false);
    assert.strictEqual(isDrop(91, 'client'), true);
    assert.strictEqual(isDrop(undefined, 'client'), false);
    assert.strictEqual(isDrop(undefined, 'network'), true);
    assert.strictEqual(isDrop(undefined, undefined), true);
  });
});
