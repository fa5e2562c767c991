// The probe of stepLatency.bench.ts inside one real VS Code extension host (loaded as the host's
// extension tests). It debugs a device program with js-debug, stops it at a breakpoint, and on
// the benchmark's word steps it over (`workbench.action.debug.stepOver`, as F10 does) block after
// block, timing each step with a tracker of its own on every debug type: from the command to the
// adapter's `stopped` event; to the answer of the workbench's first stackTrace request after it
// (the call stack and the editor's position a person sees); and to the last answer of the round
// the stop sets off (threads, stackTrace, then scopes and variables for the Variables view, which
// VS Code asks for some 400 ms after the stop). The next step starts once that round is over: a
// variables answer came, nothing is outstanding, and nothing was asked or answered for QUIET_MS.
// Mode `on`: this project's extension is loaded too; it is given the sandbox as its platform, and
// the probe waits until it has pinned the program's client by its process and holds it paused.
// Mode `off`: the extension is not loaded at all (checked).
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../src/extension';
import { waitFor } from '../../test/support/waitFor';
import { STEP_BREAKPOINT_LINE, STEP_PROGRAM } from './stepProgram';
import { messages, send, type Mode, type ToHost } from './stepWire';

const EXTENSION_ID = 'iot-connectivity.iot-connectivity';
/** The workbench asked nothing for this long after its variables: it has shown what it shows. */
const QUIET_MS = 100;
const STEP_TIMEOUT_MS = 20_000;

interface Device {
  apiUrl: string;
  mqttUrl: string;
  apiKey: string;
  apiToken: string;
  clientId: string;
  password: string;
}

/** What the probe's own tracker sees of the step in flight. */
class StepWatch implements vscode.Disposable {
  private readonly pending = new Set<string>();
  private stepStart = 0;
  private stoppedAt?: number;
  private stackSeq?: string;
  private stackAt?: number;
  private variablesAt?: number;
  private lastMessageAt = 0;
  private lastResponseAt = 0;
  private readonly afterStop = new Set<string>();
  /** The requests VS Code made since the last `take()`, by command. */
  private asked = new Map<string, number>();
  /** Whether the adapter has said `stopped` at all (the breakpoint). */
  stoppedOnce = false;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.debug.registerDebugAdapterTrackerFactory('*', {
      createDebugAdapterTracker: (session) => ({
        onWillReceiveMessage: (m: { type?: string; seq?: number; command?: string }) => {
          if (m.type !== 'request') return;
          const key = `${session.id}:${m.seq}`;
          this.pending.add(key);
          this.asked.set(String(m.command), (this.asked.get(String(m.command)) ?? 0) + 1);
          this.lastMessageAt = performance.now();
          if (this.stoppedAt === undefined) return;
          if (m.command === 'stackTrace' && this.stackSeq === undefined) this.stackSeq = key;
          if (m.command === 'variables') this.afterStop.add(key);
        },
        onDidSendMessage: (m: { type?: string; event?: string; request_seq?: number }) => {
          const now = performance.now();
          if (m.type === 'event' && m.event === 'stopped') {
            this.stoppedAt ??= now;
            this.stoppedOnce = true;
          } else if (m.type === 'response') {
            const key = `${session.id}:${m.request_seq}`;
            if (!this.pending.delete(key)) return;
            this.lastMessageAt = this.lastResponseAt = now;
            if (key === this.stackSeq) this.stackAt ??= now;
            if (this.afterStop.delete(key)) this.variablesAt ??= now;
          }
        },
      }),
    });
  }

  begin(): void {
    this.stepStart = performance.now();
    this.stoppedAt = this.stackAt = this.stackSeq = this.variablesAt = undefined;
    this.afterStop.clear();
  }

  take(): Record<string, number> {
    const asked = Object.fromEntries(this.asked);
    this.asked = new Map();
    return asked;
  }

  /** The step's times once the workbench is done with it and quiet. */
  async settled(): Promise<{ stoppedMs: number; stackMs: number; settledMs: number }> {
    await waitFor(
      'the step to stop and the workbench to show its stack and variables (is the Variables view open?)',
      () =>
        this.stackAt !== undefined &&
        this.variablesAt !== undefined &&
        this.pending.size === 0 &&
        performance.now() - this.lastMessageAt >= QUIET_MS,
      { timeoutMs: STEP_TIMEOUT_MS, intervalMs: 10 },
    );
    return {
      stoppedMs: (this.stoppedAt as number) - this.stepStart,
      stackMs: (this.stackAt as number) - this.stepStart,
      settledMs: this.lastResponseAt - this.stepStart,
    };
  }

  dispose(): void {
    this.registration.dispose();
  }
}

async function extensionOn(device: Device): Promise<IotConnectivityApi> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error('mode on, but the extension is not loaded');
  const api = (await extension.activate()) as IotConnectivityApi;
  await api.platforms.save(
    { name: 'sandbox', apiUrl: device.apiUrl, mqttUrl: device.mqttUrl, apiKey: device.apiKey },
    device.apiToken,
  );
  return api;
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

export async function run(): Promise<void> {
  const mode = process.env.IOTC_STEP_MODE as Mode;
  const port = Number(process.env.IOTC_STEP_PORT);
  const dir = process.env.IOTC_STEP_DIR as string;
  const device = JSON.parse(process.env.IOTC_STEP_DEVICE ?? 'null') as Device | null;
  if ((mode !== 'on' && mode !== 'off') || !port || !dir || !device) {
    throw new Error('run through out/bench/debug/stepLatency.bench.js');
  }
  const loaded = vscode.extensions.getExtension(EXTENSION_ID) !== undefined;
  if (loaded !== (mode === 'on')) throw new Error(`mode ${mode}, but the extension is ${loaded ? '' : 'not '}loaded`);
  const api = mode === 'on' ? await extensionOn(device) : undefined;
  // IOTC_STEP_HOLD=0: the extension only counts the pause down, without holding (no REST call per step).
  const holding = process.env.IOTC_STEP_HOLD !== '0';
  const holdSetting = vscode.workspace.getConfiguration('iotConnectivity.debug');
  if (api) await holdSetting.update('holdKeepAliveWhilePaused', holding, vscode.ConfigurationTarget.Global);
  const pinned = () => api?.debug.loop.ownership.ownerOf(device.clientId)?.client.how === 'pid';
  const held = () => api?.debug.loop.keeper.kept(device.clientId)?.held === true;

  const program = path.join(dir, 'device.js');
  fs.writeFileSync(program, STEP_PROGRAM);
  const watch = new StepWatch();
  const breakpoint = new vscode.SourceBreakpoint(
    new vscode.Location(vscode.Uri.file(program), new vscode.Position(STEP_BREAKPOINT_LINE - 1, 0)),
  );
  let root: vscode.DebugSession | undefined;
  const started = vscode.debug.onDidStartDebugSession((s) => (root ??= s));
  const socket = await connect(port);
  const inbox = messages<ToHost>(socket);
  try {
    // The Run and Debug view open, as a person stepping has it: the workbench asks for variables.
    await vscode.commands.executeCommand('workbench.view.debug');
    vscode.debug.addBreakpoints([breakpoint]);
    const configuration: vscode.DebugConfiguration = {
      type: 'node',
      request: 'launch',
      name: `step ${mode}`,
      program,
      env: {
        MQTT_JS: require.resolve('mqtt'),
        OUT: dir,
        IOT_MQTT_URL: device.mqttUrl,
        IOT_CLIENT_ID: device.clientId,
        IOT_PASSWORD: device.password,
        STEP_LIFETIME_MS: process.env.IOTC_STEP_LIFETIME_MS ?? '1800000',
      },
    };
    if (!(await vscode.debug.startDebugging(undefined, configuration))) {
      throw new Error('the debug session did not start');
    }
    await waitFor('the program to stop at the breakpoint', () => watch.stoppedOnce, { timeoutMs: 60_000 });
    vscode.debug.removeBreakpoints([breakpoint]);
    if (mode === 'on') {
      await waitFor('the extension to pin the program’s client by its process', pinned, { timeoutMs: 30_000 });
      const kept = () => api?.debug.loop.keeper.kept(device.clientId)?.[holding ? 'held' : 'deadline'];
      await waitFor(`the extension to ${holding ? 'hold' : 'count down'} the paused client`, kept, {
        timeoutMs: 30_000,
      });
    }
    send(socket, {
      type: 'ready',
      mode,
      vscode: vscode.version,
      extensionLoaded: loaded,
      pinned: pinned(),
      held: held(),
    });
    for (;;) {
      const order = await inbox.next();
      if (order.type === 'end') break;
      watch.take();
      const cpu = process.cpuUsage();
      const stoppedMs: number[] = [];
      const stackMs: number[] = [];
      const settledMs: number[] = [];
      for (let i = 0; i < order.steps; i++) {
        watch.begin();
        await vscode.commands.executeCommand('workbench.action.debug.stepOver');
        const t = await watch.settled();
        stoppedMs.push(+t.stoppedMs.toFixed(2));
        stackMs.push(+t.stackMs.toFixed(2));
        settledMs.push(+t.settledMs.toFixed(2));
      }
      const used = process.cpuUsage(cpu);
      const hostCpuMs = +((used.user + used.system) / 1000).toFixed(1);
      send(socket, {
        type: 'done',
        block: order.block,
        stoppedMs,
        stackMs,
        settledMs,
        hostCpuMs,
        requests: watch.take(),
      });
    }
    const debuggeePid = Number(fs.readFileSync(path.join(dir, 'pid'), 'utf8'));
    send(socket, { type: 'ended', mode, stillPinned: pinned(), stillHeld: held(), debuggeePid });
  } finally {
    started.dispose();
    if (root) await vscode.debug.stopDebugging(root);
    watch.dispose();
    socket.end();
    if (api) for (const p of api.platforms.list()) await api.platforms.remove(p.name);
  }
}
