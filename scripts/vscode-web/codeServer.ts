// Starts code-server isolated from the machine (its own user-data, extensions, config and XDG
// folders, no auth, loopback, a port the OS picks) in its own process group, so that stopping it
// ends the extension host and every other child with it.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { codeServerEntry } from './paths';
import { poll, withDeadline } from './waitFor';

export interface CodeServerOptions {
  /** Folder of this run: config.yaml, XDG data and the server's log go here. */
  runDir: string;
  userDataDir: string;
  extensionsDir: string;
  /** Extra environment for the server, and so for the extension host it starts. */
  env?: Record<string, string | undefined>;
  /** Port on 127.0.0.1 (default 0: one the OS picks). */
  port?: number;
  /**
   * The display language (`--locale`, e.g. pt-br). code-server takes it before argv.json, the
   * browser's cookie and Accept-Language; VS Code uses it only when a language pack for it is
   * installed, and then gives it to the extension host as vscode.env.language.
   */
  locale?: string;
}

export interface CodeServer {
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  readonly port: number;
  readonly logFile: string;
  /** Settles when the server process has ended, for whatever reason. */
  readonly exited: Promise<void>;
  /** The last lines the server printed, for error messages. */
  tail(lines?: number): string;
  stop(): Promise<void>;
}

const READY_MS = 30_000;
const STOP_MS = 5_000;
// Variables code-server reads that would break the isolation (a fixed port, a password, or
// "open this in the VS Code that started me" when run from a VS Code terminal).
const INHERITED_BUT_HARMFUL = [
  'PORT',
  'PASSWORD',
  'HASHED_PASSWORD',
  'CODE_SERVER_CONFIG',
  'VSCODE_IPC_HOOK_CLI',
  'VSCODE_PROXY_URI',
];

function isolationArgs(o: CodeServerOptions): string[] {
  return [
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--extensions-dir',
    o.extensionsDir,
    '--user-data-dir',
    o.userDataDir,
    '--config',
    path.join(o.runDir, 'config.yaml'),
  ];
}

function serverEnv(o: CodeServerOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...o.env,
    XDG_DATA_HOME: path.join(o.runDir, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(o.runDir, 'xdg-config'),
    // No gallery at all: tests install extensions from .vsix files and must not look up hosts.
    EXTENSIONS_GALLERY: '{}',
  };
  for (const name of INHERITED_BUT_HARMFUL) delete env[name];
  return env;
}

function prepare(o: CodeServerOptions): void {
  for (const dir of [o.runDir, o.userDataDir, o.extensionsDir]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(o.runDir, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
}

/** Ends the whole process group; a group already gone is not an error. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** Runs code-server to completion with the run's isolation (e.g. --install-extension). */
export async function runCodeServerCommand(o: CodeServerOptions, args: string[], timeoutMs = 120_000): Promise<string> {
  prepare(o);
  const child = spawn(process.execPath, [codeServerEntry, ...isolationArgs(o), ...args], {
    env: serverEnv(o),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await withDeadline(
    new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    }),
    timeoutMs,
    `code-server ${args.join(' ')} did not finish`,
  ).catch((err: unknown) => {
    killGroup(child, 'SIGKILL');
    throw err;
  });
  if (code !== 0) throw new Error(`code-server ${args.join(' ')} failed (exit ${code}):\n${output.trim()}`);
  return output;
}

export async function startCodeServer(o: CodeServerOptions): Promise<CodeServer> {
  prepare(o);
  const logFile = path.join(o.runDir, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const lines: string[] = [];
  const child = spawn(
    process.execPath,
    [
      codeServerEntry,
      ...isolationArgs(o),
      '--bind-addr',
      `127.0.0.1:${o.port ?? 0}`,
      '--ignore-last-opened',
      ...(o.locale ? ['--locale', o.locale] : []),
    ],
    { env: serverEnv(o), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  // Last resort if this process dies without stopping the server.
  const onExit = () => killGroup(child, 'SIGKILL');
  process.on('exit', onExit);
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));

  const tail = (n = 30) => lines.slice(-n).join('\n');
  const listening = new Promise<string>((resolve, reject) => {
    const onLine = (line: string) => {
      fs.writeSync(log, `${line}\n`);
      lines.push(line);
      if (lines.length > 500) lines.shift();
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve(match[1]);
    };
    readline.createInterface({ input: child.stdout }).on('line', onLine);
    readline.createInterface({ input: child.stderr }).on('line', onLine);
    child.on('error', reject);
    void exited.then(() => reject(new Error(`code-server exited before listening:\n${tail()}`)));
  });

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= stopServer());
  async function stopServer(): Promise<void> {
    process.removeListener('exit', onExit);
    if (running) {
      killGroup(child, 'SIGTERM');
      await withDeadline(exited, STOP_MS, 'code-server did not stop on SIGTERM').catch(() =>
        killGroup(child, 'SIGKILL'),
      );
      await withDeadline(exited, STOP_MS, 'code-server did not stop on SIGKILL');
    }
    // Children that outlived the server (extension host, pty host) share its group.
    killGroup(child, 'SIGKILL');
    fs.closeSync(log);
  }

  try {
    const origin = await withDeadline(listening, READY_MS, `code-server did not start listening; its log: ${logFile}`);
    await poll(
      async () => ((await fetch(`${origin}/healthz`)).ok ? true : undefined),
      READY_MS,
      `code-server at ${origin} did not answer /healthz`,
    );
    return { origin, port: Number(new URL(origin).port), logFile, exited, tail, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
