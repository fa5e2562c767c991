// The keep-alive watch and hold on a real aedes broker (the sandbox's) on loopback, with raw MQTT
// clients that stay silent on purpose and real mqtt.js programs stopped with SIGSTOP, which
// freezes them as a breakpoint does: no PINGREQ until SIGCONT.
import * as assert from 'assert';
import { Aedes, type Client } from 'aedes';
import type { EventEmitter } from 'node:events';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { KeepAlives } from '../../../../../../src/server/sources/sandbox/broker/keepAlives';
import { startMqttProcess, type MqttProcess } from '../../../../../support/mqttProcess';
import { RawMqtt } from '../../../../../support/rawMqtt';
import { waitFor } from '../../../../../support/waitFor';

/** How far a timer may run late on a loaded machine (2 shared cores) and still count as on time. */
const SLACK_MS = 300;

interface Harness {
  readonly port: number;
  readonly keepAlives: KeepAlives;
  /** Hook calls and broker events by client id, with their epoch ms. */
  readonly events: { id: string; what: string; t: number }[];
  clientOf(id: string): Promise<Client>;
  timedOutAt(id: string): number | undefined;
  close(): Promise<void>;
}

async function startHarness(): Promise<Harness> {
  const broker = await Aedes.createBroker();
  (broker as EventEmitter).on('error', () => {});
  const events: Harness['events'] = [];
  const note = (id: string | null, what: string) => events.push({ id: id ?? '', what, t: Date.now() });
  const keepAlives = new KeepAlives(broker, (client) => ({
    onHold: (seconds) => note(client.id, `held ${seconds}`),
    onRelease: (why) => note(client.id, why),
  }));
  const clients = new Map<string, Client>();
  broker.on('client', (client) => clients.set(client.id, client));
  broker.on('keepaliveTimeout', (client) => note(client.id, 'keepaliveTimeout'));
  broker.on('clientDisconnect', (client) => note(client.id, 'clientDisconnect'));
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    broker.handle(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    keepAlives,
    events,
    clientOf: (id) => waitFor(`aedes to register ${id}`, () => clients.get(id)),
    timedOutAt: (id) => events.find((e) => e.id === id && e.what === 'keepaliveTimeout')?.t,
    async close() {
      keepAlives.dispose();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => broker.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const raws: RawMqtt[] = [];
async function silentClient(
  h: Harness,
  clientId: string,
  keepalive: number,
): Promise<{ raw: RawMqtt; client: Client }> {
  const raw = await RawMqtt.open(h.port);
  raws.push(raw);
  raw.connect({ clientId, keepalive });
  await raw.next('connack');
  return { raw, client: await h.clientOf(clientId) };
}

/**
 * A timer may also fire a little early by the wall clock: libuv counts from the event loop's
 * cached time, which lags Date.now() by however long the turn that refreshed it had run.
 */
const EARLY_MS = 50;

function assertNear(actual: number | undefined, expected: number, what: string): void {
  assert.ok(
    actual !== undefined && actual >= expected - EARLY_MS && actual <= expected + SLACK_MS,
    `${what}: ${actual === undefined ? 'never' : actual - expected} ms from ${expected}`,
  );
}

describe('keep-alive watch and hold on a real aedes', function () {
  this.timeout(30_000);
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    for (const r of raws.splice(0)) r.destroy();
    await h.close();
  });

  it('reads the keep-alive from CONNECT, and the deadline 1.5 × keep-alive after the last packet', async () => {
    const { raw, client } = await silentClient(h, 'ka-read', 2);
    assert.strictEqual(
      h.keepAlives.unreadable,
      undefined,
      'the installed aedes keeps its keep-alive timer where this reads it',
    );
    const watch = h.keepAlives.of(client);
    assert.ok(watch);
    const first = watch.view();
    assert.deepStrictEqual(
      { ...first, lastPacketTime: 0, deadline: 0 },
      { keepAliveSeconds: 2, lastPacketTime: 0, deadline: 0, held: false, heldUntil: null },
    );
    assert.strictEqual(first.deadline, first.lastPacketTime + 3001);
    const sent = Date.now();
    raw.send({ cmd: 'pingreq' });
    await raw.next('pingresp');
    const after = watch.view();
    assert.ok(after.lastPacketTime >= sent && after.lastPacketTime <= Date.now(), 'the PINGREQ is the last packet');
    assert.strictEqual(after.deadline, after.lastPacketTime + 3001);
    const { client: forever } = await silentClient(h, 'ka-zero', 0);
    assert.deepStrictEqual(
      { ...h.keepAlives.of(forever)!.view(), lastPacketTime: 0 },
      { keepAliveSeconds: 0, lastPacketTime: 0, deadline: null, held: false, heldUntil: null },
    );
  });

  it('gives the deadline at which aedes then times the silent client out', async () => {
    const { client } = await silentClient(h, 'ka-silent', 1);
    const { deadline } = h.keepAlives.of(client)!.view();
    await waitFor('the keep-alive timeout', () => h.timedOutAt('ka-silent'), { timeoutMs: 5_000 });
    assertNear(h.timedOutAt('ka-silent'), deadline!, 'the timeout');
  });

  it('holds a silent client past 3 × keep-alive; released, it has a whole window again', async () => {
    const { raw, client } = await silentClient(h, 'ka-held', 1);
    const watch = h.keepAlives.of(client)!;
    const heldAt = Date.now();
    const held = watch.hold(30);
    assert.strictEqual(held.held, true);
    assert.ok(held.heldUntil! >= heldAt + 30_000 && held.heldUntil! <= Date.now() + 30_000);
    assert.strictEqual(
      held.deadline,
      held.heldUntil! + 1501,
      "the earliest it can be closed: the hold's end + the window",
    );
    await waitFor('3 × keep-alive to pass while held', () => Date.now() >= heldAt + 3_000, {
      timeoutMs: 5_000,
      intervalMs: 100,
    });
    assert.strictEqual(h.timedOutAt('ka-held'), undefined);
    assert.strictEqual(raw.socket.destroyed, false);
    // a packet while held is seen, and the hold goes on
    raw.send({ cmd: 'pingreq' });
    await raw.next('pingresp');
    assert.ok(watch.view().lastPacketTime >= heldAt + 3_000);
    assert.strictEqual(watch.view().held, true);
    const released = watch.release();
    assert.strictEqual(released.held, false);
    assert.ok(released.deadline! >= Date.now() + 1501 - 5 && released.deadline! <= Date.now() + 1501);
    await waitFor('the keep-alive timeout after the release', () => h.timedOutAt('ka-held'), { timeoutMs: 5_000 });
    assertNear(h.timedOutAt('ka-held'), released.deadline!, 'the timeout after the release');
    assert.deepStrictEqual(
      h.events.filter((e) => e.id === 'ka-held').map((e) => e.what),
      ['held 30', 'released', 'keepaliveTimeout', 'clientDisconnect'],
    );
  });

  it('ends a hold by itself after its seconds', async () => {
    const { client } = await silentClient(h, 'ka-expiring', 1);
    const { heldUntil } = h.keepAlives.of(client)!.hold(1);
    await waitFor('the keep-alive timeout', () => h.timedOutAt('ka-expiring'), { timeoutMs: 6_000 });
    const expired = h.events.find((e) => e.id === 'ka-expiring' && e.what === 'expired');
    assertNear(expired?.t, heldUntil!, "the hold's end");
    assertNear(h.timedOutAt('ka-expiring'), expired!.t + 1501, 'the timeout after the hold');
  });

  it('forgets, silently, a held client that leaves', async () => {
    const { raw, client } = await silentClient(h, 'ka-leaving', 1);
    const watch = h.keepAlives.of(client)!;
    watch.hold(60);
    raw.destroy();
    await waitFor('aedes to see it leave', () =>
      h.events.some((e) => e.id === 'ka-leaving' && e.what === 'clientDisconnect'),
    );
    assert.strictEqual(h.keepAlives.of(client), undefined);
    assert.strictEqual(watch.view().held, false);
    assert.deepStrictEqual(
      h.events.filter((e) => e.id === 'ka-leaving').map((e) => e.what),
      ['held 60', 'clientDisconnect'],
    );
  });

  describe('with mqtt.js programs frozen by SIGSTOP', () => {
    const programs: MqttProcess[] = [];
    afterEach(async () => {
      for (const p of programs.splice(0)) {
        process.kill(p.pid, 'SIGCONT');
        await p.stop();
      }
    });

    it('drops the one not held; keeps the held one, which runs on after SIGCONT and the release', async () => {
      const url = `mqtt://127.0.0.1:${h.port}`;
      const loose = await startMqttProcess({ mqttUrl: url, clientId: 'prog-loose', keepAliveSeconds: 1 });
      programs.push(loose);
      const kept = await startMqttProcess({ mqttUrl: url, clientId: 'prog-kept', keepAliveSeconds: 1 });
      programs.push(kept);
      const watch = h.keepAlives.of(await h.clientOf('prog-kept'))!;
      const stoppedAt = Date.now();
      process.kill(loose.pid, 'SIGSTOP');
      process.kill(kept.pid, 'SIGSTOP');
      watch.hold(60);
      await waitFor("the loose program's timeout", () => h.timedOutAt('prog-loose'), { timeoutMs: 5_000 });
      assert.ok(h.timedOutAt('prog-loose')! - stoppedAt <= 1501 + SLACK_MS, 'within 1.5 × keep-alive of its stop');
      await waitFor('3 × keep-alive frozen', () => Date.now() >= stoppedAt + 3_000, {
        timeoutMs: 5_000,
        intervalMs: 100,
      });
      assert.strictEqual(h.timedOutAt('prog-kept'), undefined);
      process.kill(kept.pid, 'SIGCONT');
      const releasedAt = Date.now();
      watch.release();
      await waitFor('a packet of the resumed program', () => watch.view().lastPacketTime > releasedAt, {
        timeoutMs: 5_000,
      });
      await waitFor('two more keep-alive periods', () => Date.now() >= releasedAt + 2_000, {
        timeoutMs: 5_000,
        intervalMs: 100,
      });
      assert.deepStrictEqual(
        h.events.filter((e) => e.id === 'prog-kept').map((e) => e.what),
        ['held 60', 'released'],
        'still connected, never timed out',
      );
      assert.ok(Date.now() - watch.view().lastPacketTime < 1501, 'pinging again');
    });
  });
});
