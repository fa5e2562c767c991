// A device program in a process of its own (mqttProcess.child.ts), started directly or through
// `sh -c` (so that it is a grandchild), for tests about processes and their connections.
import { spawn, type ChildProcess } from 'child_process';
import * as path from 'path';
import { createInterface } from 'readline';
import { DEFAULT_WAIT_MS } from './waitFor';

/** The program, as `node esbuild.js --tests` builds it (tests run from the project's root). */
export const CHILD_JS = path.resolve('out', 'test', 'support', 'mqttProcess.child.js');

export interface MqttProcessOptions {
  mqttUrl: string;
  clientId: string;
  username?: string;
  password?: string;
  keepAliveSeconds?: number;
  /** Connect again this long after a drop (default: never). */
  reconnectMs?: number;
  /** Start it as `sh -c 'node …; exit $?'`: the shell's child, the test's grandchild. */
  throughShell?: boolean;
  /** The built program (default CHILD_JS; an extension host's working directory is not the project's). */
  program?: string;
}

export interface MqttProcess {
  /** The process the test started: the shell, or the program itself. */
  readonly started: ChildProcess;
  /** The program's pid and its connection's local end, as it reported them. */
  readonly pid: number;
  readonly localAddress: string;
  readonly localPort: number;
  /** The argument the program was started with: a marker to find in its command line. */
  readonly marker: string;
  /** Ends the program (its stdin closes) and waits until it has exited. */
  stop(): Promise<void>;
}

export async function startMqttProcess(o: MqttProcessOptions): Promise<MqttProcess> {
  const marker = `iotc-device-${process.pid}-${Math.random().toString(16).slice(2, 10)}`;
  const env = {
    ...process.env,
    IOTC_MQTT_URL: o.mqttUrl,
    IOTC_CLIENT_ID: o.clientId,
    IOTC_USERNAME: o.username ?? '',
    IOTC_PASSWORD: o.password ?? '',
    IOTC_KEEPALIVE: String(o.keepAliveSeconds ?? 60),
    IOTC_RECONNECT_MS: String(o.reconnectMs ?? 0),
    // In VS Code desktop's extension host, process.execPath is Electron.
    ELECTRON_RUN_AS_NODE: '1',
  };
  const program = o.program ?? CHILD_JS;
  const started = o.throughShell
    ? spawn('/bin/sh', ['-c', '"$0" "$1" "$2"; exit $?', process.execPath, program, marker], {
        env,
        stdio: ['pipe', 'pipe', 'inherit'],
      })
    : spawn(process.execPath, [program, marker], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => started.once('exit', () => resolve()));
  const stop = async () => {
    started.stdin?.end();
    const timer = setTimeout(() => started.kill('SIGKILL'), DEFAULT_WAIT_MS);
    await exited;
    clearTimeout(timer);
  };
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the device program did not report its connection in time')),
        DEFAULT_WAIT_MS,
      );
      const lines = createInterface({ input: started.stdout! });
      lines.once('line', (l) => {
        clearTimeout(timer);
        resolve(l);
      });
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the device program exited (${code}) before it connected`));
      });
    });
    const info = JSON.parse(line) as { pid: number; localAddress: string; localPort: number };
    return { started, pid: info.pid, localAddress: info.localAddress, localPort: info.localPort, marker, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
