// What the observe latency benchmarks share: a steady rate of transitions by real mqtt.js clients
// against an observed broker (the next client connects, or, when connected, sends DISCONNECT; a
// client still busy with its last one skips its turn), the arrivals of messages about them on
// this process's clock, and the figures: from the action to the broker's own signal and to the
// server's monitor message, their ratio, and the server's part (monitor message after signal).

import { connect, type MqttClient } from 'mqtt';
import { load, summarise } from '../../sandbox/support/report';

export interface Transition {
  action: 'Connect' | 'Disconnect';
  clientId: string;
  t0: number;
  /** The connection's local port, once connected. */
  port?: number;
}

type Slot = { clientId: string; state: 'idle' | 'busy' | 'connected'; client?: MqttClient; port?: number };

/** Arrival times by key ("{what}|{who}"), each matched once, in order. */
export class Arrivals {
  private readonly lists = new Map<string, number[]>();
  private readonly used = new Map<string, number>();
  readonly arrived = (key: string, at: number): void => {
    const list = this.lists.get(key);
    if (list) list.push(at);
    else this.lists.set(key, [at]);
  };
  /** The first arrival under `key` at or after `t0` not matched yet. */
  match(key: string, t0: number): number | undefined {
    const list = this.lists.get(key) ?? [];
    let i = this.used.get(key) ?? 0;
    while (i < list.length && list[i] < t0) i++;
    if (i >= list.length) return undefined;
    this.used.set(key, i + 1);
    return list[i];
  }
}

export interface Drive {
  mqttUrl: string;
  rate: number;
  seconds: number;
  clients: number;
}

export interface Driven {
  transitions: Transition[];
  skipped: number;
  failed: number;
  ranForS: number;
  end(): void;
}

/** Runs the transitions for `seconds`, then waits `settleMs` for the last arrivals. */
export async function drive(d: Drive, settleMs: number): Promise<Driven> {
  const slots: Slot[] = Array.from({ length: d.clients }, (_, i) => ({ clientId: `bench-${i}`, state: 'idle' }));
  const transitions: Transition[] = [];
  let skipped = 0;
  let failed = 0;
  const act = (s: Slot) => {
    if (s.state === 'busy') return void skipped++;
    if (s.state === 'idle') {
      const t: Transition = { action: 'Connect', clientId: s.clientId, t0: performance.now() };
      transitions.push(t);
      s.state = 'busy';
      const c = connect(d.mqttUrl, { clientId: s.clientId, reconnectPeriod: 0, keepalive: 60 });
      c.on('error', () => {});
      c.once('connect', () => {
        s.port = t.port = (c.stream as unknown as { localPort: number }).localPort;
        s.client = c;
        s.state = 'connected';
      });
      c.once('close', () => {
        if (s.state === 'busy' && s.client === undefined) {
          failed++;
          s.state = 'idle';
        }
      });
      return;
    }
    const c = s.client as MqttClient;
    transitions.push({ action: 'Disconnect', clientId: s.clientId, t0: performance.now(), port: s.port });
    s.state = 'busy';
    c.end(false, {}, () => {
      s.client = undefined;
      s.state = 'idle';
    });
  };
  const started = performance.now();
  const every = 1000 / d.rate;
  for (let k = 0; performance.now() - started < d.seconds * 1000; k++) {
    const wait = started + k * every - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    act(slots[k % d.clients]);
  }
  const ranForS = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return { transitions, skipped, failed, ranForS, end: () => slots.forEach((s) => s.client?.end(true)) };
}

/** The figures of a run: `brokerKey` names the broker's own signal of a transition. */
export function figures(
  bench: string,
  d: Drive,
  run: Driven,
  arrivals: Arrivals,
  brokerKey: (t: Transition) => string | undefined,
) {
  const fromAction = { server: [] as number[], broker: [] as number[] };
  const serverPart = { Connect: [] as number[], Disconnect: [] as number[] };
  let missedServer = 0;
  let missedBroker = 0;
  for (const t of [...run.transitions].sort((a, b) => a.t0 - b.t0)) {
    const m = arrivals.match(`${t.action}|${t.clientId}`, t.t0);
    const key = brokerKey(t);
    const e = key === undefined ? undefined : arrivals.match(key, t.t0);
    if (m === undefined) missedServer++;
    else fromAction.server.push(m - t.t0);
    if (e === undefined) missedBroker++;
    else fromAction.broker.push(e - t.t0);
    if (m !== undefined && e !== undefined) serverPart[t.action].push(m - e);
  }
  const server = summarise(fromAction.server);
  const broker = summarise(fromAction.broker);
  return {
    bench,
    ratePerSecond: d.rate,
    achievedPerSecond: Math.round(run.transitions.length / run.ranForS),
    transitions: run.transitions.length,
    clients: d.clients,
    skipped: run.skipped,
    failed: run.failed,
    missedServer,
    missedBroker,
    fromActionMs: { server, broker },
    ratioP50: +(server.p50 / broker.p50).toFixed(2),
    ratioP99: +(server.p99 / broker.p99).toFixed(2),
    serverPartMs: {
      all: summarise([...serverPart.Connect, ...serverPart.Disconnect]),
      connect: summarise(serverPart.Connect),
      disconnect: summarise(serverPart.Disconnect),
    },
    load: load(),
    node: process.version,
  };
}

/** Prints the figures in words, then as one JSON line. */
export function print(r: ReturnType<typeof figures>, ranForS: number, signal: string): void {
  const { server, broker } = r.fromActionMs;
  const part = r.serverPartMs.all;
  console.log(
    `${r.transitions} transitions in ${ranForS.toFixed(1)} s (${r.achievedPerSecond}/s; ${r.skipped} ticks ` +
      `skipped on a client still busy, ${r.failed} connects failed)\n` +
      `action → ${signal}: p50 ${broker.p50} ms, p99 ${broker.p99} ms (missed ${r.missedBroker})\n` +
      `action → monitor message at a subscriber of the server: p50 ${server.p50} ms, p99 ${server.p99} ms ` +
      `(missed ${r.missedServer})\n` +
      `ratio p50 ${r.ratioP50}×, p99 ${r.ratioP99}×; the server's part (signal → monitor message): ` +
      `p50 ${part.p50} ms, p99 ${part.p99} ms`,
  );
  console.log(JSON.stringify(r));
}
