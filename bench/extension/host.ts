// The extension benchmark's part inside a real VS Code extension host (run by run.ts): activation
// time, Refresh → the first page of each group ready for 1k/10k/100k clients, and the host's
// memory with the 100k fleet browsed. Results go to the file named by IOTC_BENCH_OUT.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../src/extension';
import type { FleetApi } from './fleetApi';

/** A node of the Clients tree, as the extension's API hands it out. */
type ClientsNode = NonNullable<Parameters<IotConnectivityApi['clients']['provider']['getChildren']>[0]>;

const RUNS = 10;
/** Between refreshes: the REST client keeps to the platform's 10 calls/s, as it should. */
const PAUSE_MS = 1100;
const LOAD_MORE_ROUNDS = 20;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => +(bytes / 2 ** 20).toFixed(1);

function stats(times: number[]): { p50: number; max: number; min: number } {
  const s = [...times].sort((a, b) => a - b);
  return { min: +s[0].toFixed(1), p50: +s[Math.floor(s.length / 2)].toFixed(1), max: +s[s.length - 1].toFixed(1) };
}

/** What VS Code does on a refresh: roots, each group's children, and every item built. */
async function refreshToFirstPages(api: IotConnectivityApi): Promise<{ ms: number; cpuMs: number; shown: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await api.clients.provider.refresh();
  const roots = await api.clients.provider.getChildren();
  const pages = await Promise.all(roots.map((r) => api.clients.provider.getChildren(r)));
  for (const node of [...roots, ...pages.flat()]) node.getTreeItem();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (pages.flat().length === 0) {
    throw new Error(`no clients shown: ${roots.map((r) => r.getTreeItem().label).join(', ')}`);
  }
  return { ms, cpuMs: (used.user + used.system) / 1000, shown: pages.flat().length };
}

async function loadMore(api: IotConnectivityApi, group: ClientsNode): Promise<number> {
  const children = await api.clients.provider.getChildren(group);
  const more = children.find((n) => n.getTreeItem().contextValue === 'loadMore');
  if (!more) return children.length;
  await vscode.commands.executeCommand('iotConnectivity.loadMore', more);
  return (await api.clients.provider.getChildren(group)).length;
}

export async function run(): Promise<void> {
  const fleets = JSON.parse(process.env.IOTC_BENCH_FLEETS ?? '[]') as FleetApi[];
  const out = process.env.IOTC_BENCH_OUT;
  if (fleets.length === 0 || !out) throw new Error('run through out/bench/extension/run.js');
  const extension = vscode.extensions.getExtension('iot-connectivity.iot-connectivity');
  if (!extension) throw new Error('the extension is not loaded');
  const memoryBefore = process.memoryUsage();
  // Loading the bundle (parse and top-level code) apart from activate(): the host reuses the module.
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the very module VS Code loads, by its path
  require(path.join(extension.extensionPath, 'dist', 'extension.js'));
  const loadMs = +(performance.now() - t0).toFixed(1);
  const t1 = performance.now();
  const api = (await extension.activate()) as IotConnectivityApi;
  const activateMs = +(performance.now() - t1).toFixed(1);
  await vscode.commands.executeCommand('iotConnectivity.clients.focus');

  const refresh: Record<string, unknown>[] = [];
  for (const fleet of fleets) {
    await api.platforms.save(
      { name: `bench-${fleet.clients}`, apiUrl: fleet.apiUrl, apiKey: fleet.apiKey },
      fleet.apiToken,
    );
    await refreshToFirstPages(api); // warm: connections open, code paths compiled
    const times: number[] = [];
    const cpu: number[] = [];
    let shown = 0;
    for (let i = 0; i < RUNS; i++) {
      await pause(PAUSE_MS);
      const r = await refreshToFirstPages(api);
      times.push(r.ms);
      cpu.push(r.cpuMs);
      shown = r.shown;
    }
    refresh.push({ clients: fleet.clients, shownPerRefresh: shown, ms: stats(times), hostCpuMs: stats(cpu) });
  }

  // Browse the largest fleet: both groups, 20 more pages each.
  const largest = fleets[fleets.length - 1];
  const roots = await api.clients.provider.getChildren();
  let browsed = 0;
  for (const group of roots) {
    for (let i = 0; i < LOAD_MORE_ROUNDS; i++) browsed = Math.max(browsed, await loadMore(api, group));
  }
  const memoryAfter = process.memoryUsage();
  const result = {
    bench: 'extension',
    node: process.version,
    vscode: vscode.version,
    activation: { loadMs, activateMs },
    refresh,
    memory: {
      clients: largest.clients,
      childrenPerGroupBrowsed: browsed,
      heapUsedMiB: { beforeActivation: mib(memoryBefore.heapUsed), afterBrowsing: mib(memoryAfter.heapUsed) },
      rssMiB: { beforeActivation: mib(memoryBefore.rss), afterBrowsing: mib(memoryAfter.rss) },
    },
  };
  fs.writeFileSync(out, JSON.stringify(result));
  for (const p of api.platforms.list()) await api.platforms.remove(p.name);
}
