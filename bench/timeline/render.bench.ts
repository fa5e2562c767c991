// Benchmark (issue 4): 50,000 synthetic events drawn by the real webview bundle in headless
// Chromium — the first draw into a fresh page (the snapshot handed over as the host's postMessage
// would), redraws on zoom and pan, and scrolling the entry list frame by frame.
//   node esbuild.js && node esbuild.js --tests && node out/bench/timeline/render.bench.js [events=50000] [runs=5]
import { loadavg } from 'node:os';
import type { TimelineSnapshot } from '../../src/shared/protocol';
import { syntheticHistory } from '../../test/unit/timeline/synthetic';
import { openTimelinePage } from './page';

const EVENTS = Number(process.argv[2] ?? 50_000);
const RUNS = Number(process.argv[3] ?? 5);

interface PageGlobals {
  document: { querySelector(s: string): { click(): void; scrollTop: number; scrollHeight: number } | null };
  requestAnimationFrame(callback: (t: number) => void): number;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const pct = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)];

async function main(): Promise<void> {
  const now = Date.now();
  const events = syntheticHistory(EVENTS, now - 60_000);
  const snapshot: TimelineSnapshot = {
    subject: { clientId: 'd:testor:sensor:s-1', name: 's-1', kind: 'device', hasLog: true },
    events, status: 'connected', now, notices: [], live: true,
  };
  const first: number[] = [];
  const redraw: number[] = [];
  let frames: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await openTimelinePage({ width: 1400, height: 1000 });
    // Hand the events over first: what is timed is the page's work, not the bench's transfer.
    first.push(await page.send({ type: 'snapshot', snapshot }));
    if (run === 0) {
      // Zoom in and out, pan back and forth: each click redraws header, chart and legend.
      for (const selector of ['button[aria-label^="Zoom in"]', 'button[aria-label^="Zoom in"]', 'button[aria-label^="Earlier"]', 'button[aria-label^="Zoom out"]', 'button[data-range="all"]', 'button[data-range="1h"]', 'button[data-range="7d"]']) {
        redraw.push(await page.page.evaluate(async (s) => {
          const w = globalThis as unknown as PageGlobals;
          const start = performance.now();
          w.document.querySelector(s)?.click();
          await new Promise<void>((resolve) => w.requestAnimationFrame(() => w.requestAnimationFrame(() => resolve())));
          return performance.now() - start;
        }, selector));
      }
      // Scroll the list 3 rows a frame for two seconds; the time between frames is smoothness.
      frames = await page.page.evaluate(async () => {
        const w = globalThis as unknown as PageGlobals;
        const list = w.document.querySelector('.list');
        const gaps: number[] = [];
        let last = 0;
        const end = performance.now() + 2000;
        await new Promise<void>((resolve) => {
          const step = (t: number) => {
            if (last > 0) gaps.push(t - last);
            last = t;
            if (list) list.scrollTop += 72;
            if (performance.now() < end) w.requestAnimationFrame(step);
            else resolve();
          };
          w.requestAnimationFrame(step);
        });
        return gaps;
      });
    }
    await page.close();
  }
  const slow = frames.filter((f) => f > 50).length;
  console.log(`${EVENTS} events: first draw median ${median(first).toFixed(0)} ms, worst ${Math.max(...first).toFixed(0)} ms over ${RUNS} fresh pages (target < 500 ms: ${Math.max(...first) < 500 ? 'met' : 'NOT met'})`);
  console.log(`redraw on zoom/pan/range: median ${median(redraw).toFixed(0)} ms, worst ${Math.max(...redraw).toFixed(0)} ms`);
  console.log(`list scrolling: ${frames.length} frames in 2 s, frame time p50 ${pct(frames, 50).toFixed(1)} ms, p95 ${pct(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms, ${slow} frames over 50 ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(JSON.stringify({
    bench: 'timelineRender', events: EVENTS, runs: RUNS, node: process.version,
    firstDrawMs: first.map((v) => Math.round(v)), redrawMs: redraw.map((v) => Math.round(v)),
    scroll: { frames: frames.length, p50: +pct(frames, 50).toFixed(1), p95: +pct(frames, 95).toFixed(1), max: +Math.max(...frames).toFixed(1), over50ms: slow },
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
