// Cost of the tracker in a real VS Code: debug-step latency with this project's extension and
// without it (target ≤ 1.05×). Two VS Codes (code-server + headless Chromium, the extension-host
// test runner) run at once, each with the probe stepHost.ts debugging a device program with
// js-debug that holds an mqtt.js connection to one sandbox: `on` with the extension loaded (its
// tracker on every debug type, the program's client pinned and held), `off` without it. They step
// in turns, block by block (on off, off on, …), so the machine's noise falls on both alike.
// IOTC_STEP_HOLD=0: the extension counts the pause down without holding the client (no REST call
// per step). Prints the figures and a JSON line for bench/README.md.
//   node esbuild.js --tests && node out/bench/debug/stepLatency.bench.js [steps per mode, 80] [per block, 20]
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { projectRoot } from '../../scripts/vscode-web/paths';
import { withDeadline } from '../../scripts/vscode-web/waitFor';
import { startSandbox } from '../../scripts/sandboxProcess';
import { messageOf } from '../../src/core/errors';
import type { ReadyInfo } from '../../src/core/readyInfo';
import { PlatformRestClient } from '../../src/platform';
import { load, machine, percentile, summarise } from '../sandbox/support/report';
import { messages, send, type FromHost, type Mode, type StepTimes } from './stepWire';

const MODES: readonly Mode[] = ['on', 'off'];
const WARMUP_STEPS = 10;
/** The figures of a step, as the probe times them (stepWire.ts), and how they are printed. */
const METRICS = [
  ['stopped', 'step → stopped'],
  ['stack', 'step → stack answered'],
  ['settled', 'step → round over (variables shown)'],
] as const;
type Metric = (typeof METRICS)[number][0];
const READY_MS = 240_000;

/** Rejects on Ctrl-C or SIGTERM, so that the run still ends its VS Codes, debuggees and sandbox. */
const interrupted = new Promise<never>((_, reject) => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => reject(new Error(`interrupted (${signal})`)));
  }
});
interrupted.catch(() => undefined);

interface Host {
  mode: Mode;
  child: ChildProcess;
  exited: Promise<number | null>;
  log: string;
}

function launchHost(mode: Mode, runDir: string, env: Record<string, string>): Host {
  const dir = path.join(runDir, mode);
  fs.mkdirSync(dir, { recursive: true });
  const log = path.join(runDir, `${mode}.log`);
  const out = fs.openSync(log, 'w');
  const devPaths = [path.join(runDir, 'probe'), ...(mode === 'on' ? [projectRoot] : [])];
  const child = spawn(
    path.join(projectRoot, 'scripts', 'vscode-web', 'code'),
    [
      dir,
      ...devPaths.map((p) => `--extensionDevelopmentPath=${p}`),
      `--extensionTestsPath=${path.join(projectRoot, 'out', 'bench', 'debug', 'stepHost.js')}`,
      `--user-data-dir=${path.join(runDir, `user-${mode}`)}`,
    ],
    { env: { ...process.env, ...env, IOTC_STEP_MODE: mode, IOTC_STEP_DIR: dir }, stdio: ['ignore', out, out] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { mode, child, exited, log };
}

/** An extension with nothing in it: the development extension of the `off` host. */
function writeProbeExtension(runDir: string): void {
  const dir = path.join(runDir, 'probe');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = { name: 'step-probe', publisher: 'iotc-bench', version: '0.0.0', engines: { vscode: '^1.93.0' } };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
}

/** The report's summary (n, p50, p99, max) with p95 and the mean beside it. */
function stats(values: readonly number[]) {
  const s = [...values].sort((a, b) => a - b);
  const r = (v: number) => +v.toFixed(2);
  return { ...summarise(s), p95: r(percentile(s, 95)), mean: r(s.reduce((a, b) => a + b, 0) / s.length) };
}

/** Ends a debuggee a crashed host left running (its pid file; only if it is still that program). */
function killDebuggee(runDir: string, mode: Mode): void {
  try {
    const pid = Number(fs.readFileSync(path.join(runDir, mode, 'pid'), 'utf8'));
    if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(path.join(runDir, mode, 'device.js'))) {
      process.kill(pid, 'SIGKILL');
    }
  } catch {
    // no pid file, or the process is gone
  }
}

async function devices(ready: ReadyInfo): Promise<Record<Mode, { clientId: string; password: string }>> {
  const rest = new PlatformRestClient({ ...ready, callsPerSecond: 1000 });
  try {
    await rest.createDeviceType('stepbench');
    const result = {} as Record<Mode, { clientId: string; password: string }>;
    for (const mode of MODES) {
      const { authToken } = await rest.createDevice('stepbench', { deviceId: `step-${mode}` });
      result[mode] = { clientId: `d:${ready.org}:stepbench:step-${mode}`, password: authToken };
    }
    return result;
  } finally {
    rest.dispose();
  }
}

async function main(stepsPerMode: number, block: number): Promise<void> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-bench-step-'));
  const loadBefore = load();
  const sandbox = await Promise.race([startSandbox(), interrupted]);
  const hosts: Host[] = [];
  const server = net.createServer();
  const sockets: net.Socket[] = [];
  let failed = true;
  try {
    const ready = JSON.parse(sandbox.readyLine) as ReadyInfo;
    const device = await devices(ready);
    writeProbeExtension(runDir);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const links = new Map<Mode, { socket: net.Socket; next(): Promise<FromHost> }>();
    const hello = new Promise<Map<Mode, FromHost>>((resolve) => {
      const said = new Map<Mode, FromHost>();
      server.on('connection', (socket) => {
        sockets.push(socket);
        const inbox = messages<FromHost>(socket);
        void inbox.next().then((m) => {
          if (m.type !== 'ready') return;
          links.set(m.mode, { socket, next: inbox.next });
          said.set(m.mode, m);
          if (said.size === MODES.length) resolve(said);
        });
      });
    });
    // The debuggee's loop ends by itself after the run should have: about 1 s per step at worst.
    const lifetimeMs = 600_000 + 2 * (stepsPerMode + WARMUP_STEPS) * 1000;
    for (const mode of MODES) {
      const { apiUrl, mqttUrl, apiKey, apiToken } = ready;
      hosts.push(
        launchHost(mode, runDir, {
          IOTC_STEP_PORT: String(port),
          IOTC_STEP_DEVICE: JSON.stringify({ apiUrl, mqttUrl, apiKey, apiToken, ...device[mode] }),
          IOTC_STEP_LIFETIME_MS: String(lifetimeMs),
          IOTC_VSCODE_TIMEOUT_SECONDS: String(Math.ceil(lifetimeMs / 1000) + 300),
        }),
      );
    }
    const exitedEarly = Promise.race([
      interrupted,
      ...hosts.map((h) => h.exited.then((code) => Promise.reject(new Error(`the ${h.mode} host exited (${code})`)))),
    ]);
    exitedEarly.catch(() => undefined);
    const said = await Promise.race([withDeadline(hello, READY_MS, 'the hosts were not ready'), exitedEarly]);
    console.log(`ready: ${JSON.stringify([...said.values()])}`);

    const empty = (): StepTimes => ({ stoppedMs: [], stackMs: [], settledMs: [] });
    const times: Record<Mode, StepTimes> = { on: empty(), off: empty() };
    const blocks: ({ mode: Mode } & Record<Metric, number>)[] = [];
    const requests: Record<Mode, Record<string, number>> = { on: {}, off: {} };
    const hostCpuMs: Record<Mode, number> = { on: 0, off: 0 };
    const runBlock = async (mode: Mode, n: number, counted: boolean): Promise<void> => {
      const link = links.get(mode) as { socket: net.Socket; next(): Promise<FromHost> };
      send(link.socket, { type: 'block', block: blocks.length, steps: n });
      const done = await Promise.race([link.next(), exitedEarly]);
      if (done.type !== 'done') throw new Error(`the ${mode} host said ${done.type}`);
      if (!counted) return;
      const p50s = {} as Record<Metric, number>;
      for (const [metric] of METRICS) {
        times[mode][`${metric}Ms`].push(...done[`${metric}Ms`]);
        p50s[metric] = stats(done[`${metric}Ms`]).p50;
      }
      hostCpuMs[mode] += done.hostCpuMs;
      blocks.push({ mode, ...p50s });
      for (const [command, count] of Object.entries(done.requests)) {
        requests[mode][command] = (requests[mode][command] ?? 0) + count;
      }
    };
    for (const mode of MODES) await runBlock(mode, WARMUP_STEPS, false);
    for (let b = 0; b * block < stepsPerMode; b++) {
      const n = Math.min(block, stepsPerMode - b * block);
      for (const mode of b % 2 === 0 ? MODES : [...MODES].reverse()) await runBlock(mode, n, true);
      process.stderr.write(`\r${Math.min((b + 1) * block, stepsPerMode)} / ${stepsPerMode} steps per mode`);
    }
    process.stderr.write('\n');
    const ended: FromHost[] = [];
    for (const mode of MODES) {
      const link = links.get(mode) as { socket: net.Socket; next(): Promise<FromHost> };
      send(link.socket, { type: 'end' });
      ended.push(await Promise.race([link.next(), exitedEarly]));
    }
    const perStep = (mode: Mode) =>
      Object.fromEntries(Object.entries(requests[mode]).map(([c, n]) => [c, +(n / stepsPerMode).toFixed(2)]));
    const codes = await withDeadline(Promise.all(hosts.map((h) => h.exited)), 60_000, 'the hosts did not end');
    if (codes.some((c) => c !== 0)) throw new Error(`the hosts ended with ${codes.join(', ')}`);

    const figures = (mode: Mode) =>
      Object.fromEntries(METRICS.map(([m]) => [m, stats(times[mode][`${m}Ms`])])) as Record<
        Metric,
        ReturnType<typeof stats>
      >;
    const on = figures('on');
    const off = figures('off');
    const ratio = (a: number, b: number) => +(a / b).toFixed(3);
    const ratios = Object.fromEntries(
      METRICS.map(([m]) => [m, { p50: ratio(on[m].p50, off[m].p50), p99: ratio(on[m].p99, off[m].p99) }]),
    ) as Record<Metric, { p50: number; p99: number }>;
    const result = {
      bench: 'stepLatency',
      vscode: (said.get('on') as { vscode: string }).vscode,
      stepsPerMode,
      block,
      warmupSteps: WARMUP_STEPS,
      hold: process.env.IOTC_STEP_HOLD !== '0',
      on,
      off,
      ratio: ratios,
      hostCpuMsPerStep: {
        on: +(hostCpuMs.on / stepsPerMode).toFixed(2),
        off: +(hostCpuMs.off / stepsPerMode).toFixed(2),
      },
      requestsPerStep: { on: perStep('on'), off: perStep('off') },
      extension: { ready: [...said.values()], ended },
      blocks,
      machine: machine(),
      loadAverage: { before: loadBefore, after: load() },
    };
    for (const [name, what] of METRICS) {
      const a = result.on[name];
      const b = result.off[name];
      console.log(
        `${what}: on p50 ${a.p50} / p95 ${a.p95} / p99 ${a.p99} ms, off p50 ${b.p50} / p95 ${b.p95} / p99 ` +
          `${b.p99} ms; on/off p50 ${result.ratio[name].p50}×, p99 ${result.ratio[name].p99}×`,
      );
    }
    console.log(
      `extension host CPU per step (js-debug's adapter included): on ${result.hostCpuMsPerStep.on} ms, ` +
        `off ${result.hostCpuMsPerStep.off} ms`,
    );
    console.log(JSON.stringify(result));
    failed = false;
  } finally {
    for (const s of sockets) s.destroy();
    server.close();
    for (const h of hosts) {
      if (h.child.exitCode === null && h.child.signalCode === null) h.child.kill('SIGTERM');
    }
    await withDeadline(Promise.all(hosts.map((h) => h.exited)), 30_000, 'the hosts did not stop').catch(() =>
      hosts.forEach((h) => h.child.kill('SIGKILL')),
    );
    for (const mode of MODES) killDebuggee(runDir, mode);
    if (failed) {
      for (const h of hosts) {
        const lines = fs.readFileSync(h.log, 'utf8').trim().split('\n').slice(-30).join('\n');
        console.error(`[bench:stepLatency] last lines of the ${h.mode} host:\n${lines}`);
      }
    }
    await sandbox.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

const [steps = '80', block = '20'] = process.argv.slice(2);
main(Number(steps), Number(block)).catch((err: unknown) => {
  console.error(`[bench:stepLatency] ${messageOf(err)}`);
  process.exit(1);
});
