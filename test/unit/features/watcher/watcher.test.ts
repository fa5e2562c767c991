// The watcher against the real sandbox with real mqtt.js devices: a drop arrives as the right
// event and moves the status model, a bad token is a notified failed connect, unpinning
// unsubscribes, and the first state of an application comes from the state API.

import * as assert from 'node:assert/strict';
import { statusModel } from '../../../../src/features/watcher/statusModel';
import { noticeWords } from '../../../../src/features/watcher/noticeWords';
import { closed, connected } from '../../../support/mqtt';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';
import { ObservedWatcher } from './support';

describe('features/watcher: the pinned-client watcher against the sandbox', function () {
  this.timeout(20000);
  let sandbox: TestSandbox;
  let w: ObservedWatcher | undefined;
  before(async () => (sandbox = await startTestSandbox()));
  after(async () => sandbox?.close());
  afterEach(async () => {
    await w?.dispose();
    w = undefined;
  });

  it('takes the retained state without a notice, then reports a real drop as the right event', async () => {
    const creds = sandbox.registerDevice('sensor', 'sensor-7');
    const other = sandbox.registerDevice('sensor', 'other');
    const device = sandbox.device(creds);
    await connected(device);
    await connected(sandbox.device(other));
    w = new ObservedWatcher(sandbox.ready);
    await w.watcher.setPins([creds.clientId, other.clientId]);
    await waitFor('both pinned clients connected', () => w!.status().text === '$(plug) 2/2');
    assert.equal(w.notices.length, 0, 'the initial state is not news');
    assert.ok(w.transitions.every((t) => t.initial && t.notify === 'none'));

    // The process ends without an MQTT DISCONNECT: the platform says 91, the client closed it.
    device.stream.destroy();
    const drop = await w.transition(
      'the drop of sensor-7',
      (t) => t.clientId === creds.clientId && t.change === 'disconnected',
    );
    assert.equal(drop.notify, 'alert');
    assert.ok(drop.event.kind === 'disconnected');
    assert.deepEqual([drop.event.closeCode, drop.event.cause], [91, 'client']);
    // From the monitor message, or, on a loaded machine, from the first read of the state API when
    // its answer comes after the drop: the same facts either way.
    assert.ok(['monitor', 'state'].includes(drop.event.source), drop.event.source);
    const model = w.status();
    assert.deepEqual(
      [model.kind, model.text, model.background],
      ['offline', '$(debug-disconnect) 1 offline: sensor-7', 'warning'],
    );
    assert.ok(
      w.models.some((m) => m.kind === 'offline'),
      'the change reached the status model',
    );
    const notice = await w.notice(
      'the disconnect notice',
      (n) => n.kind === 'transition' && n.clientId === creds.clientId,
    );
    assert.equal(
      noticeWords(notice),
      'sensor-7 disconnected: the socket closed without an MQTT DISCONNECT (client, code 91)',
    );
  });

  it("reports an administrator's disconnect (94), and the return quietly but told", async () => {
    const creds = sandbox.registerDevice('sensor', 'admin-7');
    const device = sandbox.device(creds);
    await connected(device);
    w = new ObservedWatcher(sandbox.ready);
    await w.watcher.setPins([creds.clientId]);
    await waitFor('connected', () => w!.status().kind === 'allConnected');
    const res = await fetch(
      `${sandbox.ready.apiUrl}/sandbox/clients/${encodeURIComponent(creds.clientId)}/disconnect`,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${sandbox.ready.apiKey}:${sandbox.ready.apiToken}`).toString('base64')}`,
        },
      },
    );
    assert.equal(res.status, 200);
    await closed(device);
    const drop = await w.notice(
      'the admin disconnect',
      (n) => n.kind === 'transition' && /admin-7 disconnected/.test(noticeWords(n)),
    );
    assert.equal(noticeWords(drop), 'admin-7 disconnected: closed by an administrator (server, code 94)');
    await connected(sandbox.device(creds));
    const back = await w.notice('the return', (n) => n.kind === 'transition' && n.level === 'info');
    assert.equal(noticeWords(back), 'admin-7 reconnected');
    assert.equal(w.status().text, '$(plug) 1/1');
  });

  it('notifies a connect attempt with a bad token: the classic device-code bug', async () => {
    const creds = sandbox.registerDevice('sensor', 'bad-token');
    w = new ObservedWatcher(sandbox.ready);
    await w.watcher.setPins([creds.clientId]);
    await w.subscribed();
    const attempt = sandbox.device({ ...creds, token: 'wrong-token' });
    await assert.rejects(connected(attempt));
    const failure = await w.transition('the failed connect', (t) => t.change === 'failedConnect');
    assert.equal(failure.notify, 'alert');
    const notice = await w.notice('the failed-connect notice', (n) => n.kind === 'transition');
    assert.equal(notice.level, 'warning');
    assert.match(noticeWords(notice), /^bad-token failed to connect: not authorized \(server, code 180\)$/);
    // Never seen connected and failing: offline in the status bar.
    assert.equal(w.status().text, '$(debug-disconnect) 1 offline: bad-token');
  });

  it('reads the first state of an application from the state API (no retained message)', async () => {
    const app = sandbox.app('partner-app');
    await connected(app);
    await app.endAsync();
    const appId = `a:${sandbox.ready.org}:partner-app`;
    w = new ObservedWatcher(sandbox.ready);
    await w.watcher.setPins([appId]);
    await waitFor('the application known as offline', () => w!.status().kind === 'offline', { timeoutMs: 5000 });
    const [first] = w.transitions;
    assert.deepEqual([first.clientId, first.initial, first.notify, first.event.source], [appId, true, 'none', 'state']);
  });

  it("unsubscribes on unpin: an unpinned client's drop is not reported", async () => {
    const a = sandbox.registerDevice('valve', 'kept');
    const b = sandbox.registerDevice('valve', 'dropped');
    const da = sandbox.device(a);
    const db = sandbox.device(b);
    await Promise.all([connected(da), connected(db)]);
    w = new ObservedWatcher(sandbox.ready);
    await w.watcher.setPins([a.clientId, b.clientId]);
    await waitFor('both connected', () => w!.watcher.tally.connected === 2);
    await w.watcher.setPins([a.clientId]);
    assert.equal(
      statusModel({ connection: w.watcher.connection, tally: w.watcher.tally, problems: 0 }).text,
      '$(plug) 1/1',
    );
    await db.endAsync();
    da.stream.destroy();
    await w.transition("the kept client's drop", (t) => t.clientId === a.clientId && t.change === 'disconnected');
    assert.ok(!w.transitions.some((t) => t.clientId === b.clientId && !t.initial), 'nothing about the unpinned client');
    assert.deepEqual(
      w.watcher.snapshots().map((s) => s.clientId),
      [a.clientId],
    );
  });
});
