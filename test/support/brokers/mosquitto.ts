// Debian's real Mosquitto for tests: `/usr/sbin/mosquitto -c <dir>/mosquitto.conf` on a free
// loopback port, in a directory of its own, ready when it logs that it runs (no probe connection
// that would show in its log). Stopped by its process group, directory removed; restart() keeps
// its ports, so clients and observers can reconnect to the same URL.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { aclDenyingSys, mosquittoConfig } from './mosquittoConfig';
import { freePort } from './ports';
import { run, signalGroup, spawnGroup, stopGroup, type Group } from './processes';
import { chownTree, DIR_VAR, removeScratch, scratchDir, systemUser } from './scratch';
import { writeTlsFiles, type TlsFiles } from './tls';
import { waitFor } from '../waitFor';

export const MOSQUITTO = '/usr/sbin/mosquitto';
const PASSWD = '/usr/bin/mosquitto_passwd';

export interface MosquittoOptions {
  /** Publish the log on $SYS/broker/log/# (`log_dest topic`); default true. */
  logTopic?: boolean;
  /** Users and their passwords: a password file, and anonymous clients refused. */
  users?: Record<string, string>;
  /** With `users`: an ACL under which these users may use every topic but those under $SYS
   *  (the other users may use every topic). Mosquitto 2.0 still grants their SUBSCRIBE to $SYS
   *  topics; it only delivers them nothing. */
  denySys?: readonly string[];
  /** A second listener with TLS (a CA and a certificate for 127.0.0.1 made for the test). */
  tls?: boolean;
  /** `message_size_limit` in bytes. */
  messageSizeLimit?: number;
  /** More lines for mosquitto.conf (general settings). */
  extra?: readonly string[];
  /** How long to wait for the broker to run (default 15 s). */
  readyTimeoutMs?: number;
}

export interface Mosquitto {
  readonly port: number;
  /** `mqtt://127.0.0.1:<port>` */
  readonly url: string;
  readonly tlsPort?: number;
  /** `mqtts://127.0.0.1:<tlsPort>` */
  readonly tlsUrl?: string;
  readonly tls?: TlsFiles;
  readonly dir: string;
  readonly configFile: string;
  /** How long the last start took, ms. */
  readonly startMs: number;
  /** The broker's own log (stderr) of its current process. */
  lines(): string[];
  pid(): number;
  running(): boolean;
  /** Stops the broker (SIGTERM) and starts it again on the same ports. */
  restart(): Promise<void>;
  /** Sends a signal to the broker (SIGKILL: a crash; SIGSTOP/SIGCONT: a hang). */
  signal(signal: NodeJS.Signals): void;
  /** Stops the broker and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

const RUNNING = /mosquitto version \S+ running/;

async function writeFiles(
  dir: string,
  o: MosquittoOptions,
  port: number,
  tlsPort: number | undefined,
): Promise<{ configFile: string; tls?: TlsFiles }> {
  let passwordFile: string | undefined;
  let aclFile: string | undefined;
  if (o.users) {
    passwordFile = path.join(dir, 'passwords');
    fs.writeFileSync(passwordFile, '');
    for (const [user, password] of Object.entries(o.users)) await run(PASSWD, ['-b', passwordFile, user, password]);
    if (o.denySys) {
      aclFile = path.join(dir, 'acl');
      fs.writeFileSync(aclFile, aclDenyingSys(Object.keys(o.users), o.denySys));
    }
  }
  const tls = tlsPort === undefined ? undefined : await writeTlsFiles(dir);
  const configFile = path.join(dir, 'mosquitto.conf');
  fs.writeFileSync(
    configFile,
    mosquittoConfig({
      port,
      logTopic: o.logTopic ?? true,
      passwordFile,
      aclFile,
      messageSizeLimit: o.messageSizeLimit,
      extra: o.extra,
      tls: tls && tlsPort !== undefined ? { port: tlsPort, ...tls } : undefined,
    }),
  );
  // Run as root, mosquitto drops to its own user before it reads the password file.
  const user = process.getuid?.() === 0 ? systemUser('mosquitto') : undefined;
  if (user) chownTree(dir, user);
  return { configFile, tls };
}

/** Starts the process and waits until it says it runs; rejects with its output if it exits first. */
async function launch(dir: string, configFile: string, timeoutMs: number): Promise<Group> {
  const group = spawnGroup(MOSQUITTO, ['-c', configFile], { cwd: dir, env: { ...process.env, [DIR_VAR]: dir } });
  try {
    await waitFor(
      'mosquitto to run',
      () => {
        if (!group.running()) throw new Error(`mosquitto exited at start:\n${group.lines.join('\n')}`);
        return group.lines.some((l) => RUNNING.test(l));
      },
      { timeoutMs, intervalMs: 20 },
    );
  } catch (err) {
    await stopGroup(group, 1000);
    throw err;
  }
  return group;
}

/** Starts a Mosquitto of the test's own. Retries on other ports if one was taken in the meantime. */
export async function startMosquitto(o: MosquittoOptions = {}): Promise<Mosquitto> {
  const timeoutMs = o.readyTimeoutMs ?? 15_000;
  for (let attempt = 1; ; attempt++) {
    const dir = scratchDir('mosquitto');
    try {
      const port = await freePort();
      const tlsPort = o.tls ? await freePort() : undefined;
      const files = await writeFiles(dir, o, port, tlsPort);
      const t0 = Date.now();
      const group = await launch(dir, files.configFile, timeoutMs);
      return handle(dir, files.configFile, port, tlsPort, files.tls, group, Date.now() - t0, timeoutMs);
    } catch (err) {
      removeScratch(dir);
      if (attempt < 3 && /Address already in use/.test(String(err))) continue;
      throw err;
    }
  }
}

function handle(
  dir: string,
  configFile: string,
  port: number,
  tlsPort: number | undefined,
  tls: TlsFiles | undefined,
  first: Group,
  firstMs: number,
  timeoutMs: number,
): Mosquitto {
  let group = first;
  let startMs = firstMs;
  let stopped = false;
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    tlsPort,
    tlsUrl: tlsPort === undefined ? undefined : `mqtts://127.0.0.1:${tlsPort}`,
    tls,
    dir,
    configFile,
    get startMs() {
      return startMs;
    },
    lines: () => group.lines,
    pid: () => group.pid,
    running: () => group.running(),
    async restart() {
      if (stopped) throw new Error('mosquitto was stopped');
      signalGroup(group.pid, 'SIGCONT');
      await stopGroup(group);
      const t0 = Date.now();
      group = await launch(dir, configFile, timeoutMs);
      startMs = Date.now() - t0;
    },
    signal(signal) {
      signalGroup(group.pid, signal);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      signalGroup(group.pid, 'SIGCONT'); // a stopped process would not act on SIGTERM
      await stopGroup(group);
      removeScratch(dir);
    },
  };
}
