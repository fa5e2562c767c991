// Benchmark: 50,000 synthetic events drawn by the real webview bundle in headless
// Chromium — the first draw into a fresh page (the snapshot handed over as the host's postMessage
// would, its events in columns), the host's side of it (encoding, JSON, bytes); then redraws on
// zoom and pan, and scrolling the entry list frame by frame. Beside it, why columns: the same
// events as objects (the old form, delivery.ts) against columns, taken in by a blank page, and
// the host's JSON of each. Beside wall time, the page's CPU time: on a machine busy with other
// work wall time grows several-fold, CPU time hardly.
//   node esbuild.js && node esbuild.js --tests && node out/bench/timeline/render.bench.js [events=50000] [runs=5]
import { loadavg } from 'node:os';
import { snapshotMessage, type TimelineSnapshot } from '../../src/shared/protocol';
import { syntheticHistory } from '../../test/unit/webview/timeline/model/synthetic';
import { addDecoder, deliver, type ObjectsMessage } from './delivery';
import { openTimelinePage, type Handled, type TimelinePage } from './page';
import { wireCost } from './wire';

const EVENTS = Number(process.argv[2] ?? 50_000);
const RUNS = Number(process.argv[3] ?? 5);

interface PageGlobals {
  document: {
    querySelector(
      s: string,
    ): { click(): void; scrollTop: number; scrollHeight: number; textContent: string | null } | null;
  };
  requestAnimationFrame(callback: (t: number) => void): number;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const pct = (v: number[], p: number) =>
  [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)];
const load = () => loadavg()[0];
const wall = (h: Handled[]) => h.map((x) => Math.round(x.wallMs));
const cpu = (h: Handled[]) => ({
  mainThread: h.map((x) => Math.round(x.threadCpuMs)),
  renderer: h.map((x) => Math.round(x.processCpuMs)),
});

type Form = 'objects' | 'columns';

async function main(): Promise<void> {
  const now = Date.now();
  const events = syntheticHistory(EVENTS, now - 60_000);
  const snapshot: TimelineSnapshot = {
    subject: { clientId: 'd:testor:sensor:s-1', name: 's-1', kind: 'device', hasLog: true },
    events,
    status: 'connected',
    now,
    notices: [],
    live: true,
  };
  // The host's side: encoding (once per list of events) and VS Code's JSON of the message.
  const encodeMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    snapshotMessage({ ...snapshot, events: [...events] });
    encodeMs.push(performance.now() - started);
  }
  const columns = snapshotMessage(snapshot);
  const objects: ObjectsMessage = { type: 'objects', snapshot };
  const wire = { objects: wireCost(objects), columns: wireCost(columns) };
  const first: Handled[] = [];
  const taken: Record<Form, Handled[]> = { objects: [], columns: [] };
  const loads: number[] = [];
  let redraw: number[] = [];
  let frames: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Both forms into blank pages, alternating which goes first, so that both see the same load.
    for (const form of run % 2 === 0 ? (['objects', 'columns'] as const) : (['columns', 'objects'] as const)) {
      const blank = await openTimelinePage({ app: false });
      await addDecoder(blank);
      taken[form].push(await deliver(blank, form === 'objects' ? objects : columns));
      await blank.close();
    }
    const page = await openTimelinePage({ width: 1400, height: 1000 });
    loads.push(load());
    // Hand the message over first: what is timed is the page's work, not the bench's transfer.
    first.push(await page.sendMeasured(columns));
    const sessions = await page.page.evaluate(
      () => (globalThis as unknown as PageGlobals).document.querySelector('[data-figure="sessions"]')?.textContent,
    );
    if (!sessions || Number(sessions) < 1000) throw new Error(`the page drew ${sessions} sessions`);
    if (run === 0) [redraw, frames] = await interact(page);
    await page.close();
  }
  const slow = frames.filter((f) => f > 50).length;
  const firstMs = wall(first);
  const takenLine = (form: Form) =>
    `${form.padEnd(7)}: taken in by a page, median ${median(wall(taken[form]))} ms (CPU: main thread median ` +
    `${median(cpu(taken[form]).mainThread)} ms, renderer ${median(cpu(taken[form]).renderer)} ms); host JSON ` +
    `${wire[form].jsonMs.toFixed(0)} ms, ${(wire[form].jsonChars / 1e6).toFixed(1)} M chars + ` +
    `${(wire[form].bufferBytes / 1e6).toFixed(1)} MB of buffers`;
  console.log(
    `${EVENTS} events, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (1 min) during ` +
      `the pages:`,
  );
  console.log(
    `first draw median ${median(firstMs)} ms, worst ${Math.max(...firstMs)} ms over ${RUNS} fresh pages (CPU: main ` +
      `thread median ${median(cpu(first).mainThread)} ms, renderer ${median(cpu(first).renderer)} ms); encoding ` +
      `${median(encodeMs).toFixed(0)} ms (target < 500 ms: ${Math.max(...firstMs) < 500 ? 'met' : 'NOT met'})`,
  );
  console.log(takenLine('objects'));
  console.log(takenLine('columns'));
  console.log(
    `redraw on zoom/pan/range: median ${median(redraw).toFixed(0)} ms, worst ${Math.max(...redraw).toFixed(0)} ms`,
  );
  console.log(
    `list scrolling: ${frames.length} frames in 2 s, frame time p50 ${pct(frames, 50).toFixed(1)} ms, p95 ` +
      `${pct(frames, 95).toFixed(1)} ms, max ${Math.max(...frames).toFixed(1)} ms, ${slow} frames over 50 ms`,
  );
  console.log(
    JSON.stringify({
      bench: 'timelineRender',
      events: EVENTS,
      runs: RUNS,
      node: process.version,
      loadAverage: loads.map((l) => +l.toFixed(1)),
      firstDrawMs: firstMs,
      firstDrawCpuMs: cpu(first),
      takenInMs: { objects: wall(taken.objects), columns: wall(taken.columns) },
      takenInCpuMs: { objects: cpu(taken.objects), columns: cpu(taken.columns) },
      encodeMs: encodeMs.map(Math.round),
      wire: Object.fromEntries(
        (['objects', 'columns'] as const).map((f) => [
          f,
          { jsonMs: Math.round(wire[f].jsonMs), jsonChars: wire[f].jsonChars, bufferBytes: wire[f].bufferBytes },
        ]),
      ),
      redrawMs: redraw.map(Math.round),
      scroll: {
        frames: frames.length,
        p50: +pct(frames, 50).toFixed(1),
        p95: +pct(frames, 95).toFixed(1),
        max: +Math.max(...frames).toFixed(1),
        over50ms: slow,
      },
    }),
  );
}

/**
 * Zoom in and out, pan, presets (each click redraws header, chart and legend); then two seconds of scrolling the list.
 */
async function interact(page: TimelinePage): Promise<[number[], number[]]> {
  const redraw: number[] = [];
  for (const selector of [
    'button[aria-label^="Zoom in"]',
    'button[aria-label^="Zoom in"]',
    'button[aria-label^="Earlier"]',
    'button[aria-label^="Zoom out"]',
    'button[data-range="all"]',
    'button[data-range="1h"]',
    'button[data-range="7d"]',
  ]) {
    redraw.push(
      await page.page.evaluate(async (s) => {
        const w = globalThis as unknown as PageGlobals;
        const start = performance.now();
        w.document.querySelector(s)?.click();
        await new Promise<void>((resolve) => w.requestAnimationFrame(() => w.requestAnimationFrame(() => resolve())));
        return performance.now() - start;
      }, selector),
    );
  }
  // Three rows a frame; the time between frames is smoothness.
  const frames = await page.page.evaluate(async () => {
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
  return [redraw, frames];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
