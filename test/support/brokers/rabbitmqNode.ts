// One RabbitMQ node of Debian's package for tests. `rabbitmq-server`, started as root, switches
// to the rabbitmq user through `su`, which puts the node in a session of its own: the node's
// process (beam.smp) is found through its pid file and stopped by its own process group.
// Ready when `rabbitmqctl wait <pidfile>` says the broker and its plugins run and the management
// API lists the event and log exchanges: RabbitMQ declares amq.rabbitmq.log a moment after it
// says it is running, so a test that looked for it at once failed now and then.

import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  enabledPlugins,
  rabbitConf,
  rabbitEnv,
  type RabbitAdmin,
  type RabbitNodeFiles,
  type RabbitPorts,
} from './rabbitmqConfig';
import { killOnExit, processAlive, run, signalGroup, spawnGroup, stopGroup, type Group } from './processes';
import { chownTree, DIR_VAR, systemUser } from './scratch';
import { waitFor } from '../waitFor';

const EXCHANGES = ['amq.rabbitmq.event', 'amq.rabbitmq.log'] as const;

const SERVER = '/usr/sbin/rabbitmq-server';
const CTL = '/usr/sbin/rabbitmqctl';

export interface RabbitNode {
  readonly nodeName: string;
  readonly ports: RabbitPorts;
  readonly admin: RabbitAdmin;
  /** `amqp://user:pass@127.0.0.1:<amqp>` */
  readonly amqpUrl: string;
  /** `http://127.0.0.1:<management>` (credentials in `admin`) */
  readonly managementUrl: string;
  /** `mqtt://127.0.0.1:<mqtt>` */
  readonly mqttUrl: string;
  readonly dir: string;
  readonly logFile: string;
  /** How long the last start took (to `rabbitmqctl wait` success), ms. */
  readonly startMs: number;
  /** The node's own output (its console log) since its last start. */
  lines(): string[];
  beamPid(): number;
  running(): boolean;
  /** rabbitmqctl -n <node> …args; resolves with its stdout. */
  ctl(...args: string[]): Promise<string>;
  /** Starts the node again (after stop or kill), same name, ports and data. */
  start(): Promise<void>;
  /** A graceful stop: SIGTERM (RabbitMQ then stops as `rabbitmqctl stop` does), SIGKILL after 30 s. */
  stop(): Promise<void>;
  /** How long the last stop() took, ms. */
  readonly stopMs: number;
  /** Kills the node at once (a crash) and waits for its end. */
  kill(): Promise<void>;
  /** Sends a signal to the node's process (SIGSTOP/SIGCONT: a hang). */
  signal(signal: NodeJS.Signals): void;
}

/** Shell lines for rabbitmq-env.conf: the soft limit of open files up to 65,536, or as high as the hard one allows. */
const RAISE_OPEN_FILES = 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true\n';

function rabbitUser(): { uid: number; gid: number } {
  const user = systemUser('rabbitmq');
  if (!user) {
    throw new Error("there is no rabbitmq user: install Debian's rabbitmq-server (apt-get install -y rabbitmq-server)");
  }
  if (process.getuid?.() !== 0 && process.getuid?.() !== user.uid) {
    throw new Error('the RabbitMQ harness must run as root (as CI does) or as the rabbitmq user');
  }
  return user;
}

function pgidOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}

export function writeNodeFiles(f: RabbitNodeFiles): void {
  const user = rabbitUser();
  fs.mkdirSync(path.join(f.dir, 'mnesia'), { recursive: true });
  fs.mkdirSync(path.join(f.dir, 'log'), { recursive: true });
  fs.writeFileSync(path.join(f.dir, 'rabbit.conf'), rabbitConf(f), { mode: 0o600 });
  fs.writeFileSync(path.join(f.dir, 'plugins'), enabledPlugins());
  // rabbitmq-server runs the node through `su rabbitmq`, whose pam_limits gives it init's soft limit of open files
  // (1024 here): past about a thousand connections a node cannot take more. The node's shell sources this file
  // before it starts Erlang, so the node raises its soft limit up to the hard one.
  fs.writeFileSync(path.join(f.dir, 'rabbitmq-env.conf'), RAISE_OPEN_FILES);
  chownTree(f.dir, user);
}

export function rabbitNode(f: RabbitNodeFiles, readyTimeoutMs: number): RabbitNode {
  const env = { ...process.env, ...rabbitEnv(f), [DIR_VAR]: f.dir };
  const pidFile = path.join(f.dir, 'pid');
  let group: Group | undefined;
  let beam = -1;
  let forgetBeam: () => void = () => undefined;
  let startMs = 0;
  let stopMs = 0;
  /** Signals the node's process, waits for its end (its group gets SIGKILL after 30 s), then for
   *  rabbitmq-server's. Only the node is signalled, so that the script that started it collects it. */
  const ended = async (signal: NodeJS.Signals) => {
    const pgid = beam > 0 ? pgidOf(beam) : undefined;
    if (pgid !== undefined && processAlive(beam)) {
      process.kill(beam, 'SIGCONT'); // a stopped process would not act on SIGTERM
      process.kill(beam, signal);
      if (!(await waitGone(beam, 30_000))) signalGroup(pgid, 'SIGKILL');
      await waitGone(beam, 10_000);
    }
    forgetBeam();
    if (group) await stopGroup(group);
  };
  const ctl = async (...args: string[]) =>
    (await run(CTL, ['-n', f.nodeName, ...args], { env, cwd: f.dir, timeoutMs: readyTimeoutMs })).stdout;

  const node: RabbitNode = {
    nodeName: f.nodeName,
    ports: f.ports,
    admin: f.admin,
    dir: f.dir,
    logFile: path.join(f.dir, 'log', 'rabbit.log'),
    amqpUrl: `amqp://${encodeURIComponent(f.admin.user)}:${encodeURIComponent(f.admin.password)}@127.0.0.1:${f.ports.amqp}`,
    managementUrl: `http://127.0.0.1:${f.ports.management}`,
    mqttUrl: `mqtt://127.0.0.1:${f.ports.mqtt}`,
    get startMs() {
      return startMs;
    },
    get stopMs() {
      return stopMs;
    },
    lines: () => group?.lines ?? [],
    beamPid: () => beam,
    running: () => beam > 0 && processAlive(beam),
    ctl,
    async start() {
      if (node.running()) throw new Error(`${f.nodeName} is running already`);
      fs.rmSync(pidFile, { force: true });
      const t0 = Date.now();
      group = spawnGroup(SERVER, [], { env, cwd: f.dir });
      const g = group;
      try {
        const waited = ctl('wait', pidFile, '--timeout', String(Math.ceil(readyTimeoutMs / 1000)));
        const endedEarly = g.exited.then((e) => {
          throw new Error(`rabbitmq-server ended at start (${e.code ?? e.signal})`);
        });
        await Promise.race([waited, endedEarly]);
        beam = Number(fs.readFileSync(pidFile, 'utf8').trim());
        const pgid = pgidOf(beam);
        if (pgid !== undefined) forgetBeam = killOnExit(pgid);
        await exchangesDeclared(node, Math.max(1000, readyTimeoutMs - (Date.now() - t0)));
      } catch (err) {
        if (fs.existsSync(pidFile)) beam = Number(fs.readFileSync(pidFile, 'utf8').trim()) || -1;
        await node.kill().catch(() => undefined);
        throw new Error(`${f.nodeName} did not start: ${(err as Error).message}\n${g.lines.slice(-60).join('\n')}`, {
          cause: err,
        });
      }
      startMs = Date.now() - t0;
    },
    async stop() {
      const t0 = Date.now();
      await ended('SIGTERM');
      stopMs = Date.now() - t0;
    },
    kill: () => ended('SIGKILL'),
    signal(signal) {
      if (processAlive(beam)) process.kill(beam, signal);
    },
  };
  return node;
}

/** Waits until the management API of `node` lists the event and log exchanges of vhost `/`. */
async function exchangesDeclared(node: Pick<RabbitNode, 'managementUrl' | 'admin'>, timeoutMs: number): Promise<void> {
  const authorization = `Basic ${Buffer.from(`${node.admin.user}:${node.admin.password}`).toString('base64')}`;
  const exists = async (name: string) => {
    try {
      const res = await fetch(`${node.managementUrl}/api/exchanges/%2F/${encodeURIComponent(name)}`, {
        headers: { authorization },
      });
      await res.arrayBuffer();
      return res.ok;
    } catch {
      return false; // the management listener may not accept connections yet
    }
  };
  await waitFor(
    `the exchanges ${EXCHANGES.join(' and ')}`,
    async () => (await Promise.all(EXCHANGES.map(exists))).every(Boolean),
    { timeoutMs, intervalMs: 100 },
  );
}

/** Waits up to `ms` for process `pid` to end; true when it did. */
async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (!processAlive(pid)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
