// The observed Mosquitto (platform-contract.md §7): one MQTT connection of the server's own that reads the broker's
// log on $SYS/broker/log/# and its count of connected clients, and tells the recorder what the lines mean
// (reader.ts). It says on the board whether the broker is heard, and what it is not set up to tell (checks.ts).
// After a time the broker was not heard, every record becomes `carried`; a broker that restarted meanwhile (its
// uptime went back) disconnected every client the server had as connected. Mosquitto 2.0 has no list of clients
// and no call that closes one: the admin call answers 501.

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import type { ObservedSource, SourceContext } from '../observed/source';
import { CHECK_WAIT_MS, LOG_NOT_PUBLISHED, logNotPublished, SYS_DENIED, sysDenied } from './checks';
import { readMosquittoLog } from './logLine';
import { MosquittoReader } from './reader';

const RECONNECT_MS = 1000;
/** After the broker turned the credentials down, try again this much less often. */
const REFUSED_RECONNECT_MS = 15_000;
/** What the source subscribes to on the broker (the benchmarks' reference subscriber takes the same stream). */
export const MOSQUITTO_TOPICS = [
  '$SYS/broker/log/#',
  '$SYS/broker/clients/connected',
  '$SYS/broker/uptime',
  '$SYS/broker/version',
];

export interface MosquittoSourceOptions {
  url: string;
  caFile?: string;
}

function until(done: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  return new Promise((resolve) => {
    const look = () => (done() || Date.now() > deadline ? resolve(done()) : setTimeout(look, 25));
    look();
  });
}

function clientOptions(o: MosquittoSourceOptions): IClientOptions & { user?: string } {
  const u = new URL(o.url);
  const secure = u.protocol === 'mqtts:';
  const user = u.username === '' ? undefined : decodeURIComponent(u.username);
  return {
    protocol: secure ? 'mqtts' : 'mqtt',
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(u.port || (secure ? 8883 : 1883)),
    ...(user !== undefined ? { username: user, user } : {}),
    ...(u.password !== '' ? { password: decodeURIComponent(u.password) } : {}),
    ...(o.caFile !== undefined ? { ca: fs.readFileSync(o.caFile) } : {}),
    protocolVersion: 4,
    clean: true,
    keepalive: 30,
    connectTimeout: 10_000,
  };
}

export async function startMosquittoSource(ctx: SourceContext, o: MosquittoSourceOptions): Promise<ObservedSource> {
  const { board, recorder, store, log } = ctx;
  const { user, ...base } = clientOptions(o);
  const tag = randomBytes(4).toString('hex');
  const observerId = `iotc-observer-${tag}`;
  const probeId = `iotc-probe-${tag}`;
  const reader = new MosquittoReader(recorder, log, new Set([observerId, probeId]));
  let sysSeen = false;
  let probeSeen = false;
  let uptime: number | undefined;
  let uptimeBefore: number | undefined;
  let lostAt: number | undefined;
  let checks = 0;
  let probe: MqttClient | undefined;
  let closed = false;

  const client = connect({ ...base, clientId: observerId, reconnectPeriod: RECONNECT_MS });
  client.on('message', (topic, payload) => {
    const at = Date.now();
    if (topic.startsWith('$SYS/')) sysSeen = true;
    if (topic.startsWith('$SYS/broker/log/')) {
      const e = readMosquittoLog(topic, payload);
      if (e.kind === 'connect' && e.clientId === probeId) probeSeen = true;
      reader.read(e, at);
    } else if (topic === '$SYS/broker/clients/connected') {
      const n = Number(payload.toString('utf8'));
      board.connectedCount = Number.isSafeInteger(n) && n >= 0 ? n : board.connectedCount;
    } else if (topic === '$SYS/broker/uptime') {
      const m = /^(\d{1,12}) seconds$/.exec(payload.toString('utf8'));
      if (m) uptime = Number(m[1]);
    }
  });

  /** Whether $SYS comes, then whether the log comes (a probe's connect line); said on the board either way. */
  const check = async () => {
    const run = ++checks;
    if (!(await until(() => sysSeen, CHECK_WAIT_MS)) || run !== checks) {
      if (run === checks) board.diagnose(sysDenied(user));
      return;
    }
    board.resolve(SYS_DENIED);
    probeSeen = false;
    probe = connect({ ...base, clientId: probeId, reconnectPeriod: 0 });
    probe.on('error', () => {});
    const answered = await until(() => probe?.connected === true || probeSeen, CHECK_WAIT_MS);
    await probe.endAsync().catch(() => undefined);
    if (!answered || run !== checks) return; // the probe could not connect: nothing can be said of the log
    if (await until(() => probeSeen, CHECK_WAIT_MS)) board.resolve(LOG_NOT_PUBLISHED);
    else if (run === checks) board.diagnose(logNotPublished());
  };

  /** Back after a time the broker was not heard: what happened meanwhile is not known, so every record is carried. */
  const afterGap = async () => {
    recorder.forget();
    store.carryStates();
    if (uptimeBefore === undefined || !(await until(() => uptime !== undefined, CHECK_WAIT_MS))) return;
    if ((uptime as number) >= uptimeBefore) return;
    log.warn('Mosquitto restarted while it was not observed: every client it had connected was disconnected');
    for (const clientId of recorder.connectedIds()) {
      if (store.getState(clientId)?.observed === 'live') continue; // seen connecting since
      recorder.disconnected({
        clientId,
        at: Date.now(),
        reason: 'disconnected while the broker was not observed',
        observed: 'carried',
      });
    }
  };

  client.on('connect', () => {
    board.connected();
    client.options.reconnectPeriod = RECONNECT_MS;
    sysSeen = false;
    uptime = undefined;
    client.subscribe(MOSQUITTO_TOPICS, { qos: 0 }, (err) => {
      if (err) log.warn(`subscribing to Mosquitto's $SYS topics failed: ${err.message}`);
    });
    if (lostAt !== undefined) void afterGap();
    lostAt = undefined;
    void check();
  });
  client.on('error', (err: Error & { code?: unknown }) => {
    if (err.code === 4 || err.code === 5) {
      client.options.reconnectPeriod = REFUSED_RECONNECT_MS;
      board.refused(`${err.message} (CONNACK ${err.code})`);
    } else {
      board.lost(err.message);
    }
  });
  client.on('close', () => {
    if (closed) return;
    if (board.heard) {
      lostAt = Date.now();
      uptimeBefore = uptime;
      board.lost('the connection to the broker closed');
    }
  });

  // The ready line waits for the first answer (or CHECK_WAIT_MS), so that the start says whether it is heard.
  await until(() => board.status !== 'reconnecting', CHECK_WAIT_MS);
  return {
    async close() {
      closed = true;
      checks++;
      await probe?.endAsync(true).catch(() => undefined);
      await client.endAsync(true).catch(() => undefined);
    },
  };
}
