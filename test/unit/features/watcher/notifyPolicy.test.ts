import * as assert from 'node:assert/strict';
import { Presence, type PresenceTransition } from '../../../../src/core/presence/presence';
import {
  NotificationPolicy,
  notifyAllowed,
  readNotifyMode,
  type WatcherNotice,
} from '../../../../src/features/watcher/notifyPolicy';
import { noticeWords } from '../../../../src/features/watcher/noticeWords';
import { iso, sec } from '../../core/fixtures';

const id = (d: string) => `d:org123:sensor:${d}`;
/** A notice as the notifier shows it: its kind, level, words and client. */
const asShown = (n: WatcherNotice | undefined) =>
  n && {
    kind: n.kind,
    level: n.level,
    text: noticeWords(n),
    ...(n.kind === 'transition' ? { clientId: n.clientId } : {}),
  };

/** A client seen connected at 0 (retained), then fed live messages. */
function client(d: string): { p: Presence; at: (action: string, s: number, code?: number) => PresenceTransition } {
  const p = new Presence(id(d));
  p.applyMonitor({ Action: 'Connect', Time: iso(0), ClientID: id(d) }, true, sec(0));
  const at = (action: string, s: number, code?: number) => {
    const [t] = p.applyMonitor(
      { Action: action, Time: iso(s), ClientID: id(d), ...(code !== undefined ? { CloseCode: code } : {}) },
      false,
      sec(s),
    );
    assert.ok(t, `${action} at ${s} made no transition`);
    return t;
  };
  return { p, at };
}

describe('features/watcher/notifyPolicy', () => {
  it('reads the setting, whileDebugging by default', () => {
    assert.equal(readNotifyMode('always'), 'always');
    assert.equal(readNotifyMode('never'), 'never');
    assert.equal(readNotifyMode('loud'), 'whileDebugging');
    assert.equal(readNotifyMode(undefined), 'whileDebugging');
    assert.equal(notifyAllowed('whileDebugging', false), false);
    assert.equal(notifyAllowed('whileDebugging', true), true);
    assert.equal(notifyAllowed('always', false), true);
    assert.equal(notifyAllowed('never', true), false);
  });
  it('tells a disconnect who and why, as a warning', () => {
    const { at } = client('sensor-7');
    const n = new NotificationPolicy().offer(at('Disconnect', 10, 160), true, sec(10));
    assert.deepEqual(asShown(n), {
      kind: 'transition',
      level: 'warning',
      text: 'sensor-7 disconnected: keep-alive timed out (network, code 160)',
      clientId: id('sensor-7'),
    });
  });
  it('tells a failed connect', () => {
    const { at } = client('s');
    const n = new NotificationPolicy().offer(at('FailedConnect', 5, 180), true, sec(5));
    assert.equal(n?.level, 'warning');
    assert.match(asShown(n)?.text ?? '', /s failed to connect: not authorized/);
  });
  it('says nothing when not allowed, and nothing for the initial state', () => {
    const { at } = client('s');
    const policy = new NotificationPolicy();
    assert.equal(policy.offer(at('Disconnect', 10, 160), false, sec(10)), undefined);
    const fresh = new Presence(id('f'));
    const [initial] = fresh.applyMonitor(
      { Action: 'Disconnect', Time: iso(1), ClientID: id('f'), CloseCode: 160 },
      true,
      sec(1),
    );
    assert.equal(policy.offer(initial, true, sec(1)), undefined);
  });
  it('tells a reconnect only after its disconnect was told', () => {
    const policy = new NotificationPolicy();
    const quiet = client('quiet');
    quiet.at('Disconnect', 1, 91);
    assert.equal(policy.offer(quiet.at('Connect', 2), true, sec(2)), undefined);
    const told = client('told');
    assert.equal(policy.offer(told.at('Disconnect', 3, 91), true, sec(3))?.level, 'warning');
    assert.deepEqual(asShown(policy.offer(told.at('Connect', 4), true, sec(4))), {
      kind: 'transition',
      level: 'info',
      text: 'told reconnected',
      clientId: id('told'),
    });
    // A return while notifications were not allowed ends it as well.
    const silent = client('silent');
    assert.equal(policy.offer(silent.at('Disconnect', 7, 91), true, sec(7))?.level, 'warning');
    assert.equal(policy.offer(silent.at('Connect', 8), false, sec(8)), undefined);
    silent.at('Disconnect', 9, 91);
    assert.equal(policy.offer(silent.at('Connect', 10), true, sec(10)), undefined);
    // Told once: the next quiet reconnect is quiet again.
    told.at('Disconnect', 5, 91);
    assert.equal(policy.offer(told.at('Connect', 6), true, sec(6)), undefined);
  });
  it('keeps takeovers (288) in the status bar', () => {
    const { at } = client('twin');
    assert.equal(new NotificationPolicy().offer(at('Disconnect', 1, 288), true, sec(1)), undefined);
  });
  it('coalesces a storm of 5 or more changes in 10 s into one summary', () => {
    const policy = new NotificationPolicy();
    const shown = [];
    for (let i = 0; i < 8; i++) {
      const n = policy.offer(client(`s${i}`).at('Disconnect', 1, 160), true, sec(1) + i * 100);
      if (n) shown.push(n);
    }
    assert.equal(shown.length, 4);
    const due = policy.nextDue();
    assert.ok(due !== undefined);
    assert.equal(policy.poll(due - 1), undefined);
    const summary = policy.poll(due);
    assert.equal(summary?.kind, 'storm');
    assert.match(
      asShown(summary)?.text ?? '',
      /^4 changes in under a second: 4 clients disconnected — s4, s5, s6 and 1 more$/,
    );
    assert.deepEqual(summary?.kind === 'storm' && summary.clientIds, [id('s4'), id('s5'), id('s6'), id('s7')]);
    assert.equal(policy.flush(), undefined);
  });
  it('announces the return of a client whose disconnect was in a storm summary', () => {
    const policy = new NotificationPolicy();
    const clients = Array.from({ length: 5 }, (_, i) => client(`c${i}`));
    clients.forEach((c, i) => policy.offer(c.at('Disconnect', 1, 160), true, sec(1) + i));
    assert.equal(policy.flush()?.kind, 'storm');
    assert.equal(policy.offer(clients[4].at('Connect', 100), true, sec(100))?.level, 'info');
  });
});
