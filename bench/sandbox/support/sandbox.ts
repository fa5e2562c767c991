// The sandbox as the benchmarks run it: dist/sandbox.js in its own process on free loopback
// ports, its REST API called with its own key, devices registered through it.

import { spawnSandbox, type SandboxProcess } from '../../../test/unit/server/process';
import type { ReadyInfo } from '../../../src/core/readyInfo';

export interface BenchSandbox {
  readonly process: SandboxProcess;
  readonly ready: ReadyInfo;
  readonly pid: number;
  api<T = unknown>(route: string, init?: { method?: string; body?: unknown }): Promise<T>;
  stop(): Promise<void>;
}

export async function startBenchSandbox(extra: string[] = []): Promise<BenchSandbox> {
  const p = spawnSandbox(['--mqtt-port', '0', '--ws-port', '0', '--http-port', '0', ...extra]);
  const ready = await p.ready;
  // The sandbox logs a line per connect; the benchmarks do not keep them.
  p.child.stderr?.removeAllListeners('data').resume();
  const authorization = `Basic ${Buffer.from(`${ready.apiKey}:${ready.apiToken}`).toString('base64')}`;
  return {
    process: p,
    ready,
    pid: p.child.pid as number,
    async api<T>(route: string, init: { method?: string; body?: unknown } = {}) {
      const res = await fetch(`${ready.apiUrl}${route}`, {
        method: init.method ?? 'GET',
        headers: { authorization, 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${route}: ${res.status} ${text.slice(0, 300)}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async stop() {
      p.child.kill('SIGTERM');
      await p.exit;
    },
  };
}

export interface BenchDevice {
  clientId: string;
  username: string;
  password: string;
}

/** Registers `count` devices of type `typeId` through the REST API, `concurrency` calls at a time. */
export async function registerDevices(
  s: BenchSandbox,
  typeId: string,
  count: number,
  concurrency = 16,
): Promise<BenchDevice[]> {
  await s.api('/device/types', { method: 'POST', body: { id: typeId } });
  const devices = Array.from({ length: count }, (_, i) => ({
    deviceId: `${typeId}-${i}`,
    authToken: `token-of-${typeId}-${i}`,
  }));
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < devices.length) {
        await s.api(`/device/types/${typeId}/devices`, { method: 'POST', body: devices[next++] });
      }
    }),
  );
  return devices.map((d) => ({
    clientId: `d:${s.ready.org}:${typeId}:${d.deviceId}`,
    username: 'use-token-auth',
    password: d.authToken,
  }));
}
