import * as assert from 'assert';
import type { PresenceSnapshot } from '../../../../src/core/presence/presence';
import type { WatcherConnection } from '../../../../src/features/watcher/statusModel';
import { takeFrame, type FrameSource } from '../../../../src/features/watcher/frame';
import { PinTally } from '../../../../src/features/watcher/tally';

function source(snapshots: PresenceSnapshot[], state: 'connected' | 'reconnecting'): FrameSource & { tally: PinTally } {
  const tally = new PinTally();
  for (const s of snapshots) tally.set(s);
  const connection: WatcherConnection =
    state === 'connected'
      ? ({ state, since: 1 } as const)
      : ({ state, since: 1, attempt: 2, reason: 'down', retryInMs: 2 } as const);
  return {
    platform: { name: 'p' },
    connection,
    tally,
    problems: [{ kind: 'noMonitorTopics', count: 1 }],
    snapshots: () => snapshots.map((s) => ({ ...s })),
  };
}

describe('watcher frame', () => {
  const snaps: PresenceSnapshot[] = [
    { clientId: 'd:o:t:a', status: 'connected', since: 1 },
    { clientId: 'd:o:t:b', status: 'disconnected' },
    { clientId: 'd:o:t:c', status: 'disconnected' },
  ];

  it('keeps what it was taken from, whatever the live tally does next', () => {
    const src = source(snaps, 'connected');
    const frame = takeFrame(src);
    src.tally.set({ clientId: 'd:o:t:b', status: 'connected' });
    src.tally.set({ clientId: 'd:o:t:a', status: 'disconnected' });
    assert.deepStrictEqual(
      [frame.tally.total, frame.tally.connected, frame.tally.offline, frame.tally.unknown],
      [3, 1, 2, 0],
    );
    assert.deepStrictEqual(frame.tally.offlineIds(1), ['d:o:t:c']);
    assert.deepStrictEqual(frame.tally.offlineIds(5), ['d:o:t:c', 'd:o:t:b']);
    assert.strictEqual(frame.snapshots.length, 3);
    assert.strictEqual(frame.platformName, 'p');
    assert.deepStrictEqual(frame.problems, [{ kind: 'noMonitorTopics', count: 1 }]);
  });

  it('counts offline clients for the badge only while the watcher is connected', () => {
    assert.strictEqual(takeFrame(source(snaps, 'connected')).offlineShown, 2);
    assert.strictEqual(takeFrame(source(snaps, 'reconnecting')).offlineShown, 0);
  });
});
