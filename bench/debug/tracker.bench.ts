// The cost of the DebugAdapterTracker on '*' (src/views/debug/trackers.ts) inside the extension host:
// what its handlers do with every message of a debug step, fed into the same debugging loop the
// extension builds (DebugLoop with its sessions, ownership, keeper, detective and Debug Console
// lines; no platform, so no network), with one client the session owns by its process (this one,
// holding a real loopback connection the ledger is told of). One step is the exchange js-debug and VS Code have for
// `next`: the request and its response, the `stopped` event, then threads, stackTrace (20 frames),
// scopes and variables (50) as the Variables view asks for them. Each step pauses and resumes the
// session, so the loop's pause handling runs every time. Timed per step with hrtime (CPU-bound,
// synchronous: the handlers return before the message goes on); beside it, one JSON round trip of
// the same messages, a lower bound of what VS Code's RPC to the extension host costs per step
// whenever any extension tracks every debug type.
// Run: node esbuild.js --tests && node out/bench/debug/tracker.bench.js [steps]
import { ConsoleLines } from '../../src/features/debug/consoleLines';
import { DebugLoop } from '../../src/features/debug/loop';
import { procReader } from '../../src/features/debug/processes';
import * as net from 'node:net';
import { waitFor } from '../../test/support/waitFor';
import { load, machine, summarise } from '../sandbox/support/report';

const SESSION = 'child-1';
const CLIENT = 'd:benchorg:boiler:boiler-1';

/** A real loopback connection of this process: its local end is the client's address:port. */
async function loopbackConnection(): Promise<{ port: number; close(): void }> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const socket = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  return { port: socket.localPort as number, close: () => (socket.destroy(), server.close()) };
}

function step(seq: number): { toAdapter: unknown[]; fromAdapter: unknown[] } {
  const source = { name: 'device.js', path: '/home/dev/project/device.js', sourceReference: 0 };
  const frames = Array.from({ length: 20 }, (_, i) => ({
    id: seq * 100 + i,
    name: i === 0 ? 'loop' : `frame${i}`,
    source,
    line: 10 + i,
    column: 3,
  }));
  const variables = Array.from({ length: 50 }, (_, i) => ({
    name: `v${i}`,
    value: i % 5 === 0 ? `'a string of some length ${i}'` : String(i * 3.5),
    type: i % 5 === 0 ? 'string' : 'number',
    variablesReference: i % 7 === 0 ? seq * 1000 + i : 0,
  }));
  const request = (command: string, args: unknown) => ({ seq, type: 'request', command, arguments: args });
  const response = (command: string, body: unknown) => ({
    seq,
    type: 'response',
    request_seq: seq,
    success: true,
    command,
    body,
  });
  return {
    toAdapter: [
      request('next', { threadId: 1 }),
      request('threads', {}),
      request('stackTrace', { threadId: 1, startFrame: 0, levels: 20 }),
      request('scopes', { frameId: seq * 100 }),
      request('variables', { variablesReference: seq * 10 }),
    ],
    fromAdapter: [
      response('next', undefined),
      { seq, type: 'event', event: 'stopped', body: { reason: 'step', threadId: 1, allThreadsStopped: false } },
      response('threads', { threads: [{ id: 1, name: 'device.js [4242]' }] }),
      response('stackTrace', { stackFrames: frames, totalFrames: 20 }),
      response('scopes', {
        scopes: [
          { name: 'Local', variablesReference: seq * 10, expensive: false },
          { name: 'Closure', variablesReference: seq * 10 + 1, expensive: false },
          { name: 'Global', variablesReference: seq * 10 + 2, expensive: true },
        ],
      }),
      response('variables', { variables }),
    ],
  };
}

async function main(steps: number): Promise<void> {
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
  const loop = new DebugLoop({
    reader: procReader(),
    log: quiet,
    localAddresses: () => new Set(['127.0.0.1', '::1']),
    excluded: () => false,
    holdEnabled: () => true,
  });
  const lines = new ConsoleLines(loop);
  const book = loop.sessions;
  let now = Date.now();
  book.start({ id: 'root-1', name: 'device', type: 'pwa-node', request: 'launch' }, now);
  book.start({ id: SESSION, name: 'device.js [4242]', type: 'pwa-node', parentId: 'root-1' }, now);
  const connection = await loopbackConnection();
  loop.ledger.handle({
    topic: 'iot-2/type/boiler/id/boiler-1/mon',
    clientId: CLIENT,
    message: {
      Action: 'Connect',
      ClientID: CLIENT,
      ClientAddr: '127.0.0.1',
      ClientPort: connection.port,
      KeepAlive: 30,
    },
    retained: false,
    receivedAt: now,
  });
  book.fromAdapter(SESSION, { type: 'event', event: 'process', body: { systemProcessId: process.pid } }, now);
  await waitFor('the session to own its client', () => loop.ownership.ownerOf(CLIENT)?.client.how === 'pid');
  let lineCount = 0;
  lines.on('line', () => lineCount++);
  // What trackers.ts does with each message.
  const willReceive = (m: unknown) => book.toAdapter(SESSION, m, now);
  const didSend = (m: unknown) => {
    book.rename(SESSION, 'device.js [4242]');
    book.fromAdapter(SESSION, m, now);
  };
  const tracker: number[] = [];
  const json: number[] = [];
  const warmup = Math.min(2000, Math.floor(steps / 5));
  const cpu = process.cpuUsage();
  for (let i = 0; i < warmup + steps; i++) {
    const s = step(i + 1);
    now += 50;
    const t0 = process.hrtime.bigint();
    willReceive(s.toAdapter[0]);
    didSend(s.fromAdapter[0]);
    didSend(s.fromAdapter[1]);
    for (let k = 1; k < s.toAdapter.length; k++) {
      willReceive(s.toAdapter[k]);
      didSend(s.fromAdapter[k + 1]);
    }
    const t1 = process.hrtime.bigint();
    for (const m of [...s.toAdapter, ...s.fromAdapter]) JSON.parse(JSON.stringify(m));
    const t2 = process.hrtime.bigint();
    if (i >= warmup) {
      tracker.push(Number(t1 - t0) / 1000);
      json.push(Number(t2 - t1) / 1000);
    }
    // Let the loop's timers and promises run between steps, as a person's steps leave time.
    if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const used = process.cpuUsage(cpu);
  const paused = book.get(SESSION)?.run.paused;
  lines.dispose();
  await loop.dispose();
  connection.close();
  console.log(
    JSON.stringify({
      bench: 'tracker',
      steps,
      messagesPerStep: 11,
      trackerUsPerStep: summarise(tracker),
      jsonRoundTripUsPerStep: summarise(json),
      processCpuMs: Math.round((used.user + used.system) / 1000),
      pausedAtEnd: paused,
      consoleLines: lineCount,
      machine: machine(),
      loadAverage: load(),
    }),
  );
}

main(Number(process.argv[2] ?? 20_000)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
