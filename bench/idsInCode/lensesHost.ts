// The lens benchmark's part inside a real VS Code extension host (run by lenses.bench.ts): a
// 5,000-line file with 200 ids on screen; cold, every id of it wished for every 100 ms, as lenses
// resolved while scrolling wish, until all have an answer, then until today's drops are counted;
// cached, the provider itself for each new version of the document
// (an edit before each: recognition runs again), for one version, and the round trip through
// VS Code. Results go to the file named by IOTC_BENCH_OUT.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ReadyInfo } from '../../src/core/readyInfo';
import type { IotConnectivityApi } from '../../src/extension';
import { ourExtension } from '../../test/vscode/support/index';
import { waitFor } from '../../test/support/waitFor';
import { deviceCode } from './files';

const LINES = 5_000;
const RUNS = 200;
const WARM_UP = 20;

function percentiles(times: number[]): { p50: number; p95: number; max: number } {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => +s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(2);
  return { p50: at(0.5), p95: at(0.95), max: +s[s.length - 1].toFixed(2) };
}

async function statusTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses =
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10_000)) ?? [];
  return lenses.filter((l) => l.command?.command === 'iotConnectivity.showClient').map((l) => l.command?.title ?? '');
}

/** `fn` timed RUNS times after WARM_UP, each after `before` (not timed). */
async function timed(
  fn: () => unknown,
  before: () => PromiseLike<unknown>,
): Promise<{ ms: number[]; cpuMs: number[] }> {
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    await before();
    const cpu = process.cpuUsage();
    const t = performance.now();
    await fn();
    const took = performance.now() - t;
    const used = process.cpuUsage(cpu);
    if (i >= WARM_UP) {
      ms.push(took);
      cpuMs.push((used.user + used.system) / 1000);
    }
  }
  return { ms, cpuMs };
}

export async function run(): Promise<void> {
  const ready = JSON.parse(process.env.IOTC_BENCH_PLATFORM ?? 'null') as ReadyInfo | null;
  const ids = JSON.parse(process.env.IOTC_BENCH_IDS ?? '[]') as string[];
  const out = process.env.IOTC_BENCH_OUT;
  if (!ready || ids.length === 0 || !out) throw new Error('run through out/bench/idsInCode/lenses.bench.js');
  const say = (line: string) => fs.appendFileSync(`${out}.log`, `${new Date().toISOString()} ${line}\n`);
  const api = (await ourExtension().activate()) as IotConnectivityApi;
  await api.platforms.save(
    { name: 'bench', apiUrl: ready.apiUrl, mqttUrl: ready.mqttUrl, apiKey: ready.apiKey },
    ready.apiToken,
  );
  const active = await waitFor('the ids session', () => api.idsInCode.session.active, { timeoutMs: 30_000 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-bench-ids-'));
  const file = path.join(dir, 'fleet.js');
  fs.writeFileSync(file, deviceCode(ids, LINES));
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
  const document = editor.document;
  const found = api.idsInCode.documents.matches(document).length;
  say(`${found} ids recognised in ${document.lineCount} lines`);

  // Cold: nothing known of any id. Each lens VS Code resolves wishes for its id and reads the cache
  // (IdLenses.resolveCodeLens); a document of more than 50 id lines has lenses only near the screen,
  // so a person scrolling through all of it is played by wishing for every id of the document
  // every 100 ms, each time again, as repeated resolves do.
  const lookups = active.lookups;
  const all = [...new Set(api.idsInCode.documents.matches(document).map((m) => m.clientId))];
  const answered = (id: string) => {
    const k = lookups.peek(id)?.kind;
    return k !== undefined && k !== 'pending';
  };
  const startedAt = Date.now();
  let polls = 0;
  await waitFor(
    'every id answered',
    () => {
      polls++;
      lookups.want(all);
      return all.every(answered);
    },
    { timeoutMs: 180_000, intervalMs: 100 },
  );
  const statesAt = Date.now();
  say(`cold: every id answered after ${statesAt - startedAt} ms`);
  const statsAtStates = lookups.stats;
  const dropsPending = () =>
    ids.filter((id) => {
      const e = lookups.peek(id);
      return e?.kind === 'found' && e.drops === undefined && /^[dg]:/.test(id);
    });
  await waitFor(
    'today’s drops counted',
    () => {
      polls++;
      lookups.want(all);
      return dropsPending().length === 0;
    },
    { timeoutMs: 300_000, intervalMs: 100 },
  );
  const dropsAt = Date.now();
  say(`cold: drops counted after ${dropsAt - startedAt} ms`);
  const kinds: Record<string, number> = {};
  for (const id of ids) {
    const e = lookups.peek(id);
    const k = e?.kind === 'found' ? `found ${e.state.status}${e.drops?.total ? ', dropped today' : ''}` : e?.kind;
    kinds[k ?? 'none'] = (kinds[k ?? 'none'] ?? 0) + 1;
  }

  // Cached: every answer known; the provider as VS Code calls it.
  const lenses = api.idsInCode.lenses;
  const provideAndResolve = () => {
    const all = lenses.provideCodeLenses(document);
    for (const l of all) lenses.resolveCodeLens(l);
    return all.length;
  };
  const lensCount = provideAndResolve();
  const typeOne = () => editor.edit((e) => e.insert(document.lineAt(document.lineCount - 1).range.end, 'x'));
  const newVersion = await timed(provideAndResolve, typeOne);
  say('cached: new versions timed');
  const sameVersion = await timed(provideAndResolve, async () => undefined);
  say('cached: one version timed');
  const roundTrip = await timed(() => statusTitles(document.uri), typeOne);
  say('cached: round trips timed');

  const result = {
    vscode: vscode.version,
    file: { lines: document.lineCount, chars: document.getText().length, ids: ids.length, recognised: found },
    cold: {
      startedAt,
      statesAt,
      dropsAt,
      allStatesMs: statesAt - startedAt,
      allDropsMs: dropsAt - startedAt,
      polls,
      callsAtStates: statsAtStates.calls,
      calls: lookups.stats.calls,
      overlapping: lookups.stats.overlapping,
      heldUntil: lookups.stats.heldUntil,
      answers: kinds,
    },
    cached: {
      runs: RUNS,
      lenses: lensCount,
      newVersion: { ms: percentiles(newVersion.ms), cpuMs: percentiles(newVersion.cpuMs) },
      sameVersion: { ms: percentiles(sameVersion.ms), cpuMs: percentiles(sameVersion.cpuMs) },
      roundTrip: { ms: percentiles(roundTrip.ms) },
    },
  };
  fs.writeFileSync(out, JSON.stringify(result));
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const p of api.platforms.list()) await api.platforms.remove(p.name);
  fs.rmSync(dir, { recursive: true, force: true });
}
