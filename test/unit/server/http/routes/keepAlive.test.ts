// The keep-alive calls of a whole sandbox (platform-contract.md §8) with real MQTT clients: a raw
// one that stays silent on purpose (as a program paused at a breakpoint does) and mqtt.js.

import * as assert from 'node:assert/strict';
import type { ApiErrorBody } from '../../../../../src/core/apiError';
import { startTestSandbox, type TestSandbox } from '../../../../support/sandbox';
import { RawMqtt } from '../../../../support/rawMqtt';
import { waitFor } from '../../../../support/waitFor';

/** How far a timer may run late on a loaded machine and still count as on time. */
const SLACK_MS = 400;

interface KeepAliveBody {
  keepAliveSeconds: number;
  lastPacketTime: string;
  deadline: string | null;
  held: boolean;
  heldUntil?: string;
}

describe('sandbox REST: keep-alive and hold (platform-contract.md §8)', function () {
  this.timeout(30_000);
  let t: TestSandbox;
  const raws: RawMqtt[] = [];
  before(async () => {
    t = await startTestSandbox();
  });
  after(async () => {
    raws.forEach((r) => r.destroy());
    await t.close();
  });

  async function call<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
    const auth = `Basic ${Buffer.from(`${t.ready.apiKey}:${t.ready.apiToken}`).toString('base64')}`;
    const headers = { authorization: auth, 'content-type': 'application/json', ...init.headers };
    const res = await fetch(`${t.ready.apiUrl}${path}`, { ...init, headers });
    return { status: res.status, body: (await res.json()) as T };
  }
  const keepAlivePath = (id: string) => `/sandbox/clients/${encodeURIComponent(id)}/keepalive`;
  const holdPath = (id: string) => `/sandbox/clients/${encodeURIComponent(id)}/hold`;
  const hold = (id: string, body: unknown) =>
    call<KeepAliveBody>(holdPath(id), { method: 'POST', body: JSON.stringify(body) });

  /** A registered device connected by a raw client that sends nothing after CONNECT. */
  async function silentDevice(deviceId: string, keepalive: number) {
    const d = t.registerDevice('ka', deviceId);
    const raw = await RawMqtt.open(Number(new URL(t.ready.mqttUrl).port));
    raws.push(raw);
    raw.connect({ clientId: d.clientId, username: 'use-token-auth', password: d.token, keepalive });
    await raw.next('connack');
    await waitFor('the keep-alive to be readable', async () => (await call(keepAlivePath(d.clientId))).status === 200);
    return { d, raw, connectedAt: Date.now() };
  }
  const logLines = (deviceId: string): string[] => t.store.listLog('ka', deviceId).map((e) => e.message);

  it('reads the keep-alive, the last packet and the deadline 1.5 × keep-alive after it', async () => {
    const { d } = await silentDevice('read-1', 2);
    const r = await call<KeepAliveBody>(keepAlivePath(d.clientId));
    assert.equal(r.status, 200);
    assert.equal(r.body.keepAliveSeconds, 2);
    assert.equal(r.body.held, false);
    assert.equal(Date.parse(r.body.deadline as string) - Date.parse(r.body.lastPacketTime), 3001);
    assert.ok(Math.abs(Date.parse(r.body.lastPacketTime) - Date.now()) < 5_000);
  });

  it('gives a deadline that the broker keeps: the 160 comes then', async () => {
    const { d, raw } = await silentDevice('read-2', 1);
    const deadline = Date.parse((await call<KeepAliveBody>(keepAlivePath(d.clientId))).body.deadline as string);
    await raw.closed;
    const closedAt = Date.now();
    assert.ok(closedAt >= deadline - 50 && closedAt <= deadline + SLACK_MS, `${closedAt - deadline} ms off`);
    const state = t.store.getState(d.clientId);
    assert.equal(state?.closeCode, 160);
  });

  it('holds a silent client past 3 × keep-alive, logs the hold and the release, then counts again', async () => {
    const { d, raw } = await silentDevice('held-1', 1);
    const held = await hold(d.clientId, { seconds: 30 });
    assert.equal(held.status, 200, JSON.stringify(held.body));
    assert.equal(held.body.held, true);
    assert.ok(held.body.heldUntil !== undefined);
    const heldFrom = Date.now();
    await waitFor('3 × keep-alive to pass', () => Date.now() - heldFrom > 3_500, { timeoutMs: 6_000 });
    assert.equal(raw.socket.destroyed, false, 'a held client stays connected');
    const released = await call<KeepAliveBody>(holdPath(d.clientId), { method: 'DELETE' });
    assert.equal(released.status, 200);
    assert.equal(released.body.held, false);
    const releasedAt = Date.now();
    await raw.closed;
    // A whole window (1.5 s) after the release, not at once.
    assert.ok(Date.now() - releasedAt >= 1_400, `closed ${Date.now() - releasedAt} ms after the release`);
    assert.equal(t.store.getState(d.clientId)?.closeCode, 160);
    const lines = await waitFor('the log lines', () => {
      const l = logLines('held-1');
      return l.includes('Keep-alive hold released') ? l : undefined;
    });
    assert.ok(lines.includes('Keep-alive held for 30 s'), lines.join(' | '));
  });

  it('ends a hold by itself after its seconds', async () => {
    const { d, raw } = await silentDevice('held-2', 1);
    assert.equal((await hold(d.clientId, { seconds: 2 })).status, 200);
    const heldAt = Date.now();
    await raw.closed;
    const after = Date.now() - heldAt;
    // 2 s of hold, then a whole window of 1.5 s.
    assert.ok(after >= 3_400 && after <= 3_500 + SLACK_MS + 500, `closed ${after} ms after the hold`);
  });

  it('refuses a hold that is not 1–3600 whole seconds, with the violation', async () => {
    const { d } = await silentDevice('bad-hold', 30);
    for (const body of [{ seconds: 0 }, { seconds: 3601 }, { seconds: 1.5 }, { seconds: '10' }, {}, [], null]) {
      const r = await hold(d.clientId, body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.deepEqual((r.body as unknown as ApiErrorBody).violations[0]?.exception?.properties, ['seconds']);
    }
    const notJson = await call(holdPath(d.clientId), { method: 'POST', body: '{"seconds":' });
    assert.equal(notJson.status, 400);
    assert.equal((await call<KeepAliveBody>(keepAlivePath(d.clientId))).body.held, false);
  });

  it('answers 404 for a client that is not connected, a hostile id kept as given', async () => {
    const hostile = 'd:testor:ka:\u202e\u0000<script>';
    for (const r of [
      await call<ApiErrorBody>(keepAlivePath(hostile)),
      await hold(hostile, { seconds: 10 }),
      await call<ApiErrorBody>(holdPath(hostile), { method: 'DELETE' }),
    ]) {
      assert.equal(r.status, 404);
      assert.deepEqual((r.body as unknown as ApiErrorBody).exception.properties, [hostile]);
    }
    assert.ok(!t.lines.some((l) => l.includes('\u202e')), 'no control text reaches the log');
  });

  it('says in config/source that it is the sandbox and can hold keep-alive', async () => {
    const r = await call<Record<string, unknown>>('/config/source');
    assert.equal(r.status, 200);
    assert.equal(r.body.kind, 'sandbox');
    assert.equal(r.body.broker, t.ready.mqttUrl);
    assert.deepEqual(r.body.capabilities, { listsConnected: true, history: 'platform', holdKeepAlive: true });
    assert.equal(typeof r.body.connectedCount, 'number');
    assert.ok(!Number.isNaN(Date.parse(String(r.body.observingSince))));
  });
});
