// The shared monitor against the real sandbox with real mqtt.js devices: one application
// connection for all its users, each delivered only its own clients' messages, a dropped lease
// unsubscribing only the topic nobody else needs, the connection closed when nothing is wanted
// and made again when something is, every lease told of a reconnect, hostile ids never watched.

import * as assert from 'node:assert/strict';
import { PlatformRestClient } from '../../../../src/platform';
import { SharedMonitor } from '../../../../src/features/monitor/sharedMonitor';
import { closed, connected } from '../../../support/mqtt';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';
import { captureLog } from '../../platform/support/clients';
import { connectedApps, RecordedLease, topicOf } from './support';

describe('features/monitor: one shared monitor connection against the sandbox', function () {
  this.timeout(20000);
  let sandbox: TestSandbox;
  let rest: PlatformRestClient;
  let monitor: SharedMonitor | undefined;
  let apps = 0;
  before(async () => {
    sandbox = await startTestSandbox();
    rest = new PlatformRestClient({
      apiUrl: sandbox.ready.apiUrl,
      apiKey: sandbox.ready.apiKey,
      apiToken: sandbox.ready.apiToken,
    });
  });
  after(async () => {
    rest?.dispose();
    await sandbox?.close();
  });
  afterEach(async () => {
    await monitor?.dispose();
    monitor = undefined;
  });

  const open = (o: { coverThreshold?: number } = {}) => {
    const { mqttUrl, org, apiKey, apiToken } = sandbox.ready;
    monitor = new SharedMonitor({
      mqttUrl,
      orgId: org,
      appId: `shared-${++apps}`,
      apiKey,
      apiToken,
      backoff: { initialMs: 50, maxMs: 400 },
      log: captureLog(),
      ...o,
    });
    return monitor;
  };
  const admin = (clientId: string) =>
    fetch(`${sandbox.ready.apiUrl}/sandbox/clients/${encodeURIComponent(clientId)}/disconnect`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${sandbox.ready.apiKey}:${sandbox.ready.apiToken}`).toString('base64')}`,
      },
    });

  it('serves a pin and two timelines over ONE connection, each told only of its own clients', async () => {
    const pinned = sandbox.registerDevice('pump', 'pinned-1');
    const free = sandbox.registerDevice('pump', 'free-1');
    const devPinned = sandbox.device(pinned);
    const devFree = sandbox.device(free);
    await Promise.all([connected(devPinned), connected(devFree)]);
    const m = open();
    const watcher = new RecordedLease(m, 'watcher');
    const pinnedTimeline = new RecordedLease(m, 'timeline of the pinned client');
    const freeTimeline = new RecordedLease(m, 'timeline of the unpinned client');
    await watcher.lease.setClients([pinned.clientId]);
    await Promise.all([
      pinnedTimeline.lease.setClients([pinned.clientId]),
      freeTimeline.lease.setClients([free.clientId]),
    ]);
    await Promise.all([watcher.live(), pinnedTimeline.live(), freeTimeline.live()]);

    await waitFor(
      'one connected application of this monitor',
      async () => (await connectedApps(rest, sandbox.ready.org, 'shared-')).length === 1,
    );
    assert.deepEqual(await connectedApps(rest, sandbox.ready.org, 'shared-'), [m.clientId]);
    assert.deepEqual(
      [...m.subscribed].sort(),
      [topicOf(pinned), topicOf(free)].sort(),
      'the pinned topic once, for both of its users',
    );

    // The retained state reaches whoever asked for the client, and no one else.
    await waitFor(
      'the retained states',
      () => watcher.messages.length > 0 && pinnedTimeline.messages.length > 0 && freeTimeline.messages.length > 0,
    );
    devFree.stream.destroy();
    await freeTimeline.message(free.clientId, 'Disconnect');
    devPinned.stream.destroy();
    await Promise.all([
      watcher.message(pinned.clientId, 'Disconnect'),
      pinnedTimeline.message(pinned.clientId, 'Disconnect'),
    ]);
    assert.deepEqual(watcher.clientsSeen(), [pinned.clientId]);
    assert.deepEqual(pinnedTimeline.clientsSeen(), [pinned.clientId]);
    assert.deepEqual(freeTimeline.clientsSeen(), [free.clientId]);
    assert.deepEqual(freeTimeline.actionsOf(free.clientId), ['Connect*', 'Disconnect']);

    // Closing the unpinned client's timeline drops its topic only: the pinned one stays watched.
    freeTimeline.lease.dispose();
    await waitFor('the unpinned topic unsubscribed', () => m.subscribed.length === 1);
    assert.deepEqual(m.subscribed, [topicOf(pinned)]);
    await waitFor(
      'the broker saw the unsubscribe',
      async () => (await rest.getClientState(m.clientId)).lastActivityEvent === 'mqttUnsubscribe',
    );
    const before = watcher.messages.length;
    await connected(sandbox.device(free));
    await connected(sandbox.device(pinned));
    await Promise.all([
      watcher.message(pinned.clientId, 'Connect'),
      pinnedTimeline.message(pinned.clientId, 'Connect'),
    ]);
    assert.equal(watcher.messages.length, before + 1, "the unpinned client's return reached no one");
    assert.ok(watcher.lease.live && pinnedTimeline.lease.live);
    assert.deepEqual(await connectedApps(rest, sandbox.ready.org, 'shared-'), [m.clientId], 'still one connection');
  });

  it('closes the connection when nothing is wanted, and connects again for the next user', async () => {
    const d = sandbox.registerDevice('pump', 'again-1');
    await connected(sandbox.device(d));
    const m = open();
    const first = new RecordedLease(m, 'first');
    const state = () => m.connection.state;
    assert.equal(state(), 'idle', 'no connection before anything is wanted');
    await first.lease.setClients([d.clientId]);
    await first.live();
    const second = new RecordedLease(m, 'second');
    await second.lease.setClients([d.clientId]);
    await second.live();
    assert.deepEqual(m.subscribed, [topicOf(d)]);
    // The broker sends the retained state to a new subscription only: the joining lease is given it.
    await waitFor('the joining lease told the current state', () => second.actionsOf(d.clientId).join() === 'Connect*');

    first.lease.dispose();
    assert.equal(state(), 'connected', 'a user still wants it');
    await second.lease.setClients([]);
    assert.equal(state(), 'idle');
    assert.equal(second.lease.live, false);
    await waitFor(
      'the application disconnected on the platform',
      async () => (await rest.getClientState(m.clientId)).status === 'disconnected',
    );
    assert.deepEqual(await connectedApps(rest, sandbox.ready.org, 'shared-'), []);

    await second.lease.setClients([d.clientId]);
    await second.live();
    await waitFor(
      'the retained Connect again, from the broker',
      () => second.actionsOf(d.clientId).join() === 'Connect*,Connect*',
    );
    assert.deepEqual(await connectedApps(rest, sandbox.ready.org, 'shared-'), [m.clientId]);
  });

  it('tells every lease that the link was down and is back', async () => {
    const d = sandbox.registerDevice('pump', 'link-1');
    const e = sandbox.registerDevice('pump', 'link-2');
    await Promise.all([connected(sandbox.device(d)), connected(sandbox.device(e))]);
    const m = open();
    const a = new RecordedLease(m, 'a');
    const b = new RecordedLease(m, 'b');
    await a.lease.setClients([d.clientId]);
    await b.lease.setClients([e.clientId]);
    await Promise.all([a.live(), b.live()]);
    assert.equal((await admin(m.clientId)).status, 200);
    await waitFor('both told of the reconnect', () => a.reconnects.length === 1 && b.reconnects.length === 1);
    assert.ok(a.links.includes('reconnecting') && b.links.includes('reconnecting'));
    assert.ok(a.lease.live && b.lease.live, 'live again once resubscribed');
    assert.deepEqual([...m.subscribed].sort(), [topicOf(d), topicOf(e)].sort());
  });

  it('plans one cover for all leases and still delivers per lease', async () => {
    const ids = ['c-1', 'c-2', 'c-3', 'c-4'].map((id) => sandbox.registerDevice('cover', id));
    const devices = ids.map((c) => sandbox.device(c));
    await Promise.all(devices.map((c) => connected(c)));
    const m = open({ coverThreshold: 2 });
    const a = new RecordedLease(m, 'a');
    const b = new RecordedLease(m, 'b');
    await a.lease.setClients([ids[0].clientId, ids[1].clientId]);
    await b.lease.setClients([ids[2].clientId]);
    await Promise.all([a.live(), b.live()]);
    assert.deepEqual(
      m.topics,
      ['iot-2/type/cover/id/+/mon'],
      'three clients of one type over the threshold: one wildcard',
    );
    devices[3].stream.destroy();
    devices[2].stream.destroy();
    await b.message(ids[2].clientId, 'Disconnect');
    await closed(devices[3]);
    assert.deepEqual(a.clientsSeen(), [ids[0].clientId, ids[1].clientId].sort());
    assert.deepEqual(b.clientsSeen(), [ids[2].clientId], 'the wildcard brings c-4 too: delivered to no one');
  });

  it('watches hostile ids only on their encoded client topics, never throws, and skips what has none', async () => {
    const d = sandbox.registerDevice('pump', 'ok-1');
    const m = open();
    const lease = new RecordedLease(m, 'hostile');
    const hostile = [
      '<img src=x onerror=alert(1)>',
      'command:workbench.action.quit',
      'd:\u202eevil:t:x',
      `d:${sandbox.ready.org}:t:${'x'.repeat(65536)}`,
      '',
      'd:o:t:a/b',
    ];
    // Any id a broker accepts has a monitor topic (platform-contract.md §7.2): as text, encoded, wildcards inert.
    const encoded = hostile
      .slice(0, 3)
      .concat(hostile[5])
      .map((id) => `iot-2/client/${encodeURIComponent(id)}/mon`);
    await lease.lease.setClients(hostile);
    assert.deepEqual(m.topics, [...encoded].sort());
    for (const t of m.topics) assert.match(t, /^iot-2\/client\/[^/+#]+\/mon$/);
    await lease.lease.setClients(['', '\ud800', 'x'.repeat(70_000)]);
    assert.deepEqual(m.topics, [], 'empty, unencodable and too long: nothing to watch');
    // The sandbox's own broker has no such clients and refuses those topics; a platform id is watched as ever.
    await lease.lease.setClients([d.clientId]);
    assert.deepEqual(m.topics, [topicOf(d)]);
    await lease.live();
  });
});
