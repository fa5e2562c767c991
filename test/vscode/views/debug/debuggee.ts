// A device program for the extension-host tests to debug with js-debug (written to a temp folder
// at run time): it connects with mqtt.js using the IOT_* variables a launch configuration gets
// reports each connection and what it was given in files, and calls `hit()` — where
// a test puts its breakpoint — whenever the test asks for a pause by creating a file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from '../../../support/waitFor';

const PROGRAM = `const fs = require('fs');
const path = require('path');
const mqtt = require(process.env.MQTT_JS);
const e = process.env;
const out = (name) => path.join(e.OUT, name);
const given = { url: e.IOT_MQTT_URL, clientId: e.IOT_CLIENT_ID, username: e.IOT_USERNAME };
fs.writeFileSync(out('env.tmp'), JSON.stringify({ ...given, password: e.IOT_PASSWORD, ca: e.IOT_CA_FILE }));
fs.renameSync(out('env.tmp'), out('env.json'));
const options = {
  clientId: e.IOT_CLIENT_ID,
  username: e.IOT_USERNAME,
  password: e.IOT_PASSWORD,
  keepalive: Number(e.KEEPALIVE || 60),
  reconnectPeriod: Number(e.RECONNECT_MS || 0),
};
const client = mqtt.connect(e.IOT_MQTT_URL, options);
let n = 0;
client.on('connect', () => {
  n++;
  const s = client.stream;
  const where = { pid: process.pid, address: s.localAddress, port: s.localPort, at: Date.now() };
  // Whole or not at all: the test may read it at any moment.
  fs.writeFileSync(out('connecting.tmp'), JSON.stringify(where));
  fs.renameSync(out('connecting.tmp'), out('connected-' + n + '.json'));
});
client.on('close', () => fs.writeFileSync(out('closed-' + n), String(Date.now())));
client.on('error', () => undefined);
let pauses = 0;
function hit() {
  return ++pauses; // BREAKPOINT
}
setInterval(() => {
  if (fs.existsSync(out('pause'))) {
    fs.unlinkSync(out('pause'));
    hit();
  }
}, 50);
`;

export const BREAKPOINT_LINE = PROGRAM.split('\n').findIndex((l) => l.includes('// BREAKPOINT')) + 1;

export interface Connected {
  readonly pid: number;
  readonly address: string;
  readonly port: number;
  readonly at: number;
}

/** One program in a folder of its own; `launch` debugs it. */
export class Debuggee {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-debuggee-'));
  readonly program = path.join(this.dir, 'device.js');
  private breakpoint?: vscode.SourceBreakpoint;

  constructor() {
    fs.writeFileSync(this.program, PROGRAM);
  }

  /** The launch configuration (its `env` merged with what the test gives). */
  configuration(
    name: string,
    env: Record<string, string>,
    extra: Record<string, unknown> = {},
  ): vscode.DebugConfiguration {
    return {
      type: 'node',
      request: 'launch',
      name,
      program: this.program,
      env: { MQTT_JS: require.resolve('mqtt'), OUT: this.dir, ...env },
      ...extra,
    };
  }

  setBreakpoint(): void {
    const at = new vscode.Position(BREAKPOINT_LINE - 1, 0);
    this.breakpoint = new vscode.SourceBreakpoint(new vscode.Location(vscode.Uri.file(this.program), at));
    vscode.debug.addBreakpoints([this.breakpoint]);
  }

  removeBreakpoint(): void {
    if (this.breakpoint) vscode.debug.removeBreakpoints([this.breakpoint]);
    this.breakpoint = undefined;
  }

  /** Asks the program to call hit() (it stops there when the breakpoint is set). */
  pause(): void {
    fs.writeFileSync(path.join(this.dir, 'pause'), '');
  }

  /** The n-th connection it reported (1-based). */
  connected(n = 1, timeoutMs = 20_000): Promise<Connected> {
    const file = path.join(this.dir, `connected-${n}.json`);
    return waitFor(`connection ${n} of the program`, () => fs.existsSync(file) && readJson<Connected>(file), {
      timeoutMs,
    });
  }

  closed(n = 1): boolean {
    return fs.existsSync(path.join(this.dir, `closed-${n}`));
  }

  env(): Record<string, string | undefined> {
    return readJson(path.join(this.dir, 'env.json'));
  }

  dispose(): void {
    this.removeBreakpoint();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** The debug sessions started while it is alive, to stop whatever a test leaves running. */
export class LiveSessions implements vscode.Disposable {
  readonly live = new Map<string, vscode.DebugSession>();
  private readonly ended = new Set<string>();
  private readonly subscriptions = [
    vscode.debug.onDidStartDebugSession((s) => this.live.set(s.id, s)),
    vscode.debug.onDidTerminateDebugSession((s) => {
      this.live.delete(s.id);
      this.ended.add(s.id);
    }),
  ];

  /** The first session whose parent is `parent` (js-debug runs the program in a child session). */
  childOf(parent: vscode.DebugSession | undefined): vscode.DebugSession | undefined {
    return [...this.live.values()].find((s) => s.parentSession !== undefined && s.parentSession.id === parent?.id);
  }

  root(name: string): vscode.DebugSession | undefined {
    return [...this.live.values()].find((s) => s.parentSession === undefined && s.name === name);
  }

  async stopAll(): Promise<void> {
    for (const s of [...this.live.values()].filter((x) => x.parentSession === undefined)) {
      await vscode.debug.stopDebugging(s);
    }
    await waitFor('every debug session to end', () => this.live.size === 0, { timeoutMs: 20_000 });
    // A session VS Code still names active must be one that ended (it may keep pointing at one,
    // docs/debug-adapters.md); any other is stopped, as a person would press Stop again.
    await waitFor(
      'no debug session running',
      async () => {
        const left = vscode.debug.activeDebugSession;
        if (left && !this.ended.has(left.id)) await vscode.debug.stopDebugging(left);
        return left === undefined || this.ended.has(left.id);
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }
}
