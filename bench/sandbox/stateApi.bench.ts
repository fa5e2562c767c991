// Benchmark: the state API (platform-contract.md §2) over 100,000 client records, through real HTTP on loopback.
// Target: a `_limit=100` page at p99 < 50 ms. Run: node esbuild.js --tests &&
// node out/bench/sandbox/stateApi.bench.js [records]. For each query it prints the round trip
// (node:http client with keep-alive, in this same process), the store's query alone (wall clock),
// and the CPU time of that query (what the work costs when the process is not waiting for a core),
// and at the end the figures as JSON for bench/README.md. The load average is printed: on a
// shared machine the wall-clock tails move with it.

import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import type { ClientStateList, ClientStateWire } from '../../src/core/clientState';
import { startApiServer } from '../../src/server/http/server';
import { memoryLogger } from '../../src/server/log';
import { hashToken, SandboxStore } from '../../src/server/store/store';
import { readStateQuery } from '../../src/server/http/stateParams';

const RECORDS = Number(process.argv[2] ?? 100_000);
const RUNS = 200;
const WARMUP = 20;
const ORG = 'bench1';
const KEY = 'a-bench1-benchkey00';
const TOKEN = 'bench-token-0001';
const BASE = Date.UTC(2024, 0, 1);

function fleet(store: SandboxStore, count: number): void {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const types = ['sensor', 'valve', 'meter', 'camera', 'lock'];
  for (let i = 0; i < count; i++) {
    const kind = i % 20;
    const id =
      kind < 17 ? `d:${ORG}:${types[i % 5]}:dev-${i}` : kind < 19 ? `g:${ORG}:gw:gw-${i}` : `a:${ORG}:app-${i}`;
    const connect = BASE + Math.floor(rand() * 30 * 86_400_000);
    const connected = rand() < 0.7;
    const state: ClientStateWire = {
      id,
      clientType: kind < 17 ? 'device' : kind < 19 ? 'gateway' : 'application',
      connectionStatus: connected ? 'connected' : 'disconnected',
      lastConnectTime: new Date(connect).toISOString(),
      lastActivityEvent: 'mqttPublish',
      lastActivityTime: new Date(connect + Math.floor(rand() * 3_600_000)).toISOString(),
      mqttConnectProtocol: '3.1.1',
      ...(connected
        ? {}
        : {
            lastDisconnectTime: new Date(connect + 3_600_000).toISOString(),
            disconnectInitiator: 'network',
            mqttReasonCode: 141,
            closeCode: 160,
            closeReason: 'The connection timed out',
          }),
    };
    store.putState(state);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Figure {
  query: string;
  p50: number;
  p99: number;
  max: number;
  storeP50: number;
  storeP99: number;
  storeCpuP50: number;
  storeCpuP99: number;
  totalRows: number;
}

function summary(times: number[]): { p50: number; p99: number; max: number } {
  times.sort((a, b) => a - b);
  return {
    p50: +percentile(times, 50).toFixed(2),
    p99: +percentile(times, 99).toFixed(2),
    max: +times[times.length - 1].toFixed(2),
  };
}

async function main(): Promise<void> {
  const store = new SandboxStore();
  store.addApiKey({ key: KEY, tokenHash: hashToken(TOKEN), createdDateTime: new Date().toISOString() });
  let t = performance.now();
  fleet(store, RECORDS);
  console.log(
    `filled ${RECORDS} records in ${(performance.now() - t).toFixed(0)} ms; heap ` +
      `${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
  const log = memoryLogger();
  const server = await startApiServer({
    store,
    org: ORG,
    log: { ...log, info: () => {}, child: () => ({ ...log, info: () => {} }) },
    admin: { disconnectClient: () => false },
    host: '127.0.0.1',
    port: 0,
  });
  const headers = { authorization: `Basic ${Buffer.from(`${KEY}:${TOKEN}`).toString('base64')}` };
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (query: string) =>
    new Promise<ClientStateList>((resolve, reject) => {
      const req = request(`${server.url}/clientconnectionstates?${query}`, { headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`${query}: ${res.statusCode} ${text}`));
          else resolve(JSON.parse(text) as ClientStateList);
        });
      });
      req.on('error', reject);
      req.end();
    });

  // A bookmark deep in the order (page 500 of 1000), to show that deep pages cost no more.
  let deep = '';
  t = performance.now();
  for (let page = 0; page < 500; page++) {
    const r = await get(`_limit=100&_sort=-lastActivityTime${deep ? `&_bookmark=${deep}` : ''}`);
    deep = r.bookmark ?? '';
  }
  console.log(`walked 500 pages by bookmark in ${(performance.now() - t).toFixed(0)} ms`);

  const since = new Date(BASE + 15 * 86_400_000).toISOString();
  const queries = [
    '_limit=100&_sort=-lastActivityTime',
    '_limit=100&connectionStatus=connected&_sort=-lastActivityTime',
    `_limit=100&deviceType=sensor&connectedAfter=${since}&_sort=-lastActivityTime`,
    '_limit=100&clientType=gateway&connectionStatus=disconnected&_sort=-lastDisconnectTime,id',
    '_limit=100',
    '_limit=100&deviceId=dev-4242',
    `_limit=100&_sort=-lastActivityTime&_bookmark=${deep}`,
    `_limit=100&connectionStatus=connected&_sort=-lastActivityTime&_bookmark=${deep}`,
  ];
  const figures: Figure[] = [];
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on this machine; ${RUNS} runs per query after ${WARMUP} warm-up runs`,
  );
  console.log('HTTP round trip, ms                     | store query, ms         | its CPU time, ms        |');
  for (const query of queries) {
    const times: number[] = [];
    let totalRows = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const start = performance.now();
      const r = await get(query);
      const ms = performance.now() - start;
      if (i >= WARMUP) times.push(ms);
      totalRows = r.meta.total_rows;
    }
    const request = readStateQuery(new URLSearchParams(query));
    const storeTimes: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      store.queryStates(request);
      const used = process.cpuUsage(cpu);
      if (i >= WARMUP) {
        storeTimes.push(performance.now() - start);
        cpuTimes.push((used.user + used.system) / 1000);
      }
    }
    const http = summary(times),
      alone = summary(storeTimes),
      cpu = summary(cpuTimes);
    const f: Figure = {
      query: query.replace(/_bookmark=[^&]+/, '_bookmark=<page 501>'),
      ...http,
      storeP50: alone.p50,
      storeP99: alone.p99,
      storeCpuP50: cpu.p50,
      storeCpuP99: cpu.p99,
      totalRows,
    };
    figures.push(f);
    const ms = (n: number) => n.toFixed(2).padStart(6);
    console.log(
      `p50 ${ms(f.p50)} p99 ${ms(f.p99)} max ${ms(f.max)} | p50 ${ms(f.storeP50)} p99 ${ms(f.storeP99)} | p50 ` +
        `${ms(f.storeCpuP50)} p99 ${ms(f.storeCpuP99)} | rows ${String(totalRows).padStart(6)}  ${f.query}`,
    );
  }
  agent.destroy();
  await server.close();
  const worst = Math.max(...figures.map((f) => f.p99));
  console.log(
    `worst HTTP p99 ${worst.toFixed(2)} ms (target < 50 ms): ${worst < 50 ? 'met' : 'NOT met'}; load average now ` +
      `${loadavg()[0].toFixed(2)}`,
  );
  console.log(JSON.stringify({ bench: 'stateApi', records: RECORDS, runs: RUNS, node: process.version, figures }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
