// Benchmark: what the simulated fleet costs. Runs `node dist/sandbox.js --simulate N --seed 1` in
// its own process for a while and samples its CPU and memory from /proc; at the end it tallies
// the state API (connected, and the close codes of the disconnected) and stops the sandbox with
// SIGTERM (exit code 0 expected). Targets (task S3): N = 200 light on 2 cores; N = 10,000 does
// not fall over. Run: node esbuild.js --tests && node out/bench/sandbox/fleet.bench.js [N] [seconds]

import * as fs from 'node:fs';
import type { ClientStateList } from '../../src/core/clientState';
import { load, machine, mib, rssOf } from './support/report';
import { startBenchSandbox } from './support/sandbox';

const CLIENTS = Number(process.argv[2] ?? 200);
const SECONDS = Number(process.argv[3] ?? 60);
const SAMPLE_S = 5;
const TICKS_PER_S = 100; // USER_HZ on Linux

function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

async function main(): Promise<void> {
  console.log(`${machine()}; ${load()}`);
  const started = performance.now();
  const sandbox = await startBenchSandbox(['--simulate', String(CLIENTS), '--seed', '1']);
  console.log(`ready after ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const samples: { t: number; cpu: number; rss: number }[] = [];
  let ticks = cpuTicks(sandbox.pid);
  for (let t = SAMPLE_S; t <= SECONDS; t += SAMPLE_S) {
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_S * 1000));
    const now = cpuTicks(sandbox.pid);
    samples.push({ t, cpu: ((now - ticks) / TICKS_PER_S / SAMPLE_S) * 100, rss: rssOf(sandbox.pid) });
    ticks = now;
    const s = samples[samples.length - 1];
    console.log(
      `t=${String(t).padStart(4)} s  CPU ${s.cpu.toFixed(0).padStart(3)}% of one core  RSS ${mib(s.rss)}; ${load()}`,
    );
  }
  const codes = new Map<string, number>();
  let connected = 0,
    bookmark: string | undefined;
  do {
    const page = await sandbox.api<ClientStateList>(
      `/clientconnectionstates?_limit=100${bookmark ? `&_bookmark=${bookmark}` : ''}`,
    );
    for (const s of page.results) {
      if (s.connectionStatus === 'connected') connected++;
      else codes.set(String(s.closeCode), (codes.get(String(s.closeCode)) ?? 0) + 1);
    }
    bookmark = page.bookmark;
  } while (bookmark);
  const tally = [...codes]
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([c, n]) => `${c}: ${n}`)
    .join(', ');
  console.log(`state API: ${connected} connected; disconnected by last close code ${tally}`);
  await sandbox.stop();
  const exit = await sandbox.process.exit;
  const later = samples.filter((s) => s.t > SECONDS / 2);
  const meanCpu = later.reduce((sum, s) => sum + s.cpu, 0) / Math.max(1, later.length);
  console.log(
    `second half: mean CPU ${meanCpu.toFixed(0)}% of one core; peak RSS ` +
      `${mib(Math.max(...samples.map((s) => s.rss)))}; exit code ${exit}`,
  );
  console.log(
    JSON.stringify({
      bench: 'fleet',
      clients: CLIENTS,
      seconds: SECONDS,
      node: process.version,
      meanCpuPercentSecondHalf: +meanCpu.toFixed(0),
      peakRssMiB: +(Math.max(...samples.map((s) => s.rss)) / 2 ** 20).toFixed(0),
      connected,
      closeCodes: Object.fromEntries(codes),
      exit,
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
