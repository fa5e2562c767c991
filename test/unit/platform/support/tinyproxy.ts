// Debian's tinyproxy, a real HTTP proxy, on a free loopback port in a temp dir, for the proxy
// tests: what it was asked (`CONNECT host:port` or `GET http://…`) is read from its own log.
// close() ends it and removes its dir, whatever happened.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { waitFor } from '../../../support/waitFor';

export interface Tinyproxy {
  /** `http://127.0.0.1:{port}` */
  readonly url: string;
  /** Each request line it received so far, as `METHOD target` (`CONNECT 127.0.0.1:8443`). */
  requests(): string[];
  /** Everything it logged so far (to check that a secret never reached it). */
  log(): string;
  close(): Promise<void>;
}

const BINARY = process.env.TINYPROXY ?? '/usr/bin/tinyproxy';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export async function startTinyproxy(): Promise<Tinyproxy> {
  if (!fs.existsSync(BINARY)) throw new Error(`${BINARY} is missing: apt-get install tinyproxy (.ci/run does)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-tinyproxy-'));
  const logFile = path.join(dir, 'tinyproxy.log');
  const port = await freePort();
  // No ConnectPort line: CONNECT to any port (the platform's are not 443 here).
  const conf = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 30',
    'LogLevel Connect',
    `LogFile "${logFile}"`,
    'MaxClients 50',
    'Allow 127.0.0.1',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'tinyproxy.conf'), `${conf}\n`);
  const child: ChildProcess = spawn(BINARY, ['-d', '-c', path.join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor('tinyproxy to accept connections', () => child.exitCode === null && accepts(port));
  } catch (error) {
    await close();
    throw error;
  }
  const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    requests: () => [...log().matchAll(/Request \(file descriptor \d+\): (\S+ \S+) HTTP\/1\.[01]/g)].map((m) => m[1]),
    close,
  };
}
