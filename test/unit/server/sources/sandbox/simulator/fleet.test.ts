// The simulated fleet against a real sandbox, on a table 20× faster than the default: every cause
// it is meant to produce shows on the monitor topics, the state API lists connected and
// disconnected clients, the logs fill, and closing stops every client.

import * as assert from 'node:assert/strict';
import type { ClientStateList } from '../../../../../../src/core/clientState';
import type { ConnectionLogEntry } from '../../../../../../src/core/connectionLog';
import { memoryLogger } from '../../../../../../src/server/log';
import { startFleet, type FleetHandle } from '../../../../../../src/server/sources/sandbox/simulator';
import { Inbox, connected, subscribed, type Received } from '../../../../../support/mqtt';
import { startTestSandbox, type TestSandbox } from '../../../../../support/sandbox';
import { waitFor } from '../../../../../support/waitFor';
import { FAST } from './fastTable';

async function get<T>(t: TestSandbox, route: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${t.ready.apiUrl}${route}`, {
    headers: { authorization: `Basic ${Buffer.from(`${t.ready.apiKey}:${t.ready.apiToken}`).toString('base64')}` },
  });
  return { status: res.status, body: (await res.json()) as T };
}

const action = (m: Received) => String(m.json().Action);
const closeCode = (m: Received) => Number(m.json().CloseCode ?? 0);

describe('simulator: a fleet of 20 against the sandbox', function () {
  let t: TestSandbox;
  let fleet: FleetHandle;
  let inbox: Inbox;

  before(async () => {
    t = await startTestSandbox();
    const watcher = await connected(t.app('watcher'));
    inbox = new Inbox(watcher);
    await subscribed(watcher, ['iot-2/type/+/id/+/mon', 'iot-2/app/+/mon']);
    fleet = await startFleet(
      { ready: t.ready, store: t.store, clients: 20, seed: 1, log: memoryLogger(t.lines, 'fleet') },
      { table: FAST },
    );
  });
  after(async () => {
    await fleet?.close();
    await t?.close();
  });

  it('lists connected and disconnected clients as soon as it has started, with history in their logs', async () => {
    const on = await get<ClientStateList>(t, '/clientconnectionstates?connectionStatus=connected&_limit=100');
    const off = await get<ClientStateList>(t, '/clientconnectionstates?connectionStatus=disconnected&_limit=100');
    assert.ok(
      on.body.results.filter((s) => s.id !== `a:${t.ready.org}:watcher`).length >= 5,
      `connected: ${on.body.results.map((s) => s.id).join(' ')}`,
    );
    assert.ok(off.body.meta.total_rows >= 2, `disconnected: ${off.body.results.map((s) => s.id).join(' ')}`);
    const steady = fleet.plan.devices.find((d) => d.role === 'steady');
    assert.ok(steady);
    const log = await get<ConnectionLogEntry[]>(
      t,
      `/logs/connection?typeId=${steady.type.id}&deviceId=${steady.deviceId}`,
    );
    assert.equal(log.status, 200);
    assert.ok(
      log.body.some((e) => e.message.startsWith('Token auth succeeded')),
      JSON.stringify(log.body),
    );
  });

  const causes: [number, string[]][] = [
    [0, ['steady', 'flapper', 'stalled', 'twins', 'oversize', 'application']],
    [91, ['steady', 'flapper']],
    [160, ['stalled']],
    [287, ['oversize']],
    [288, ['twins']],
  ];
  for (const [code, roles] of causes) {
    it(`produces Disconnect with close code ${code} (${roles.join(', ')})`, async () => {
      const m = await inbox.next(
        `Disconnect ${code}`,
        (r) => action(r) === 'Disconnect' && closeCode(r) === code,
        30_000,
      );
      const client = fleet.plan.clients.find((c) => c.clientId === m.json().ClientID);
      assert.ok(client, `${String(m.json().ClientID)} is simulated`);
      assert.ok(
        roles.includes(client.kind === 'device' ? client.role : client.kind),
        `${client.clientId} is one of ${roles.join(', ')}`,
      );
    });
  }

  it('produces FailedConnect for bad-token devices, which the state API shows as refused', async () => {
    const m = await inbox.next('FailedConnect', (r) => action(r) === 'FailedConnect', 30_000);
    const device = fleet.plan.devices.find((d) => d.clientId === m.json().ClientID);
    assert.equal(device?.role, 'badToken');
    const state = await get<{ connectionStatus: string; closeCode: number }>(
      t,
      `/clientconnectionstates/${device.clientId}`,
    );
    assert.equal(state.body.connectionStatus, 'disconnected');
    assert.equal(state.body.closeCode, 180);
  });

  it('has its applications watching, and registered devices that never connect leave no state', async () => {
    for (const app of fleet.plan.applications) await inbox.monitor(app.clientId, 'Connect');
    for (const d of fleet.plan.devices.filter((x) => x.role === 'silent')) {
      assert.ok(t.store.getDevice(d.type.id, d.deviceId), `${d.clientId} is registered`);
      assert.equal((await get(t, `/clientconnectionstates/${d.clientId}`)).status, 404);
    }
  });

  it('stops cleanly: close() ends every client loop, and every simulated client is disconnected', async () => {
    // close() resolves only once every client's loop has ended, so nothing reconnects after it.
    await fleet.close();
    const simulated = new Set(fleet.plan.clients.map((c) => c.clientId));
    const stillOn = () =>
      [...t.store.allStates()]
        .filter((s) => simulated.has(s.id) && s.connectionStatus === 'connected')
        .map((s) => s.id);
    await waitFor('every simulated client disconnected', () => stillOn().length === 0);
    assert.ok(
      t.lines.every((l) => !l.startsWith('warn [fleet]')),
      t.lines.filter((l) => l.startsWith('warn [fleet]')).join('\n'),
    );
  });
});
