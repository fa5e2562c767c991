// Why the host posts events in columns (src/shared/eventColumns.ts): what it costs a page to take in
// a snapshot whose events are objects — the form the host posted before, kept here only — against
// the same events in columns, decoded as the page decodes them (columnEvents, bundled for the page
// here). Drawing comes after and is the same for both, so it is left out; the first draw of the
// columns is render.bench.ts's own figure.
import * as esbuild from 'esbuild';
import * as path from 'path';
import { projectRoot } from '../../scripts/vscode-web/paths';
import type { TimelineSnapshot, ToView } from '../../src/shared/protocol';
import type { Handled, TimelinePage } from './page';

/** The old form of the snapshot message: its events as objects. */
export interface ObjectsMessage {
  readonly type: 'objects';
  readonly snapshot: TimelineSnapshot;
}

interface PageGlobals {
  next: unknown;
  benchColumns: { columnEvents(value: unknown): unknown[] | undefined };
  postMessage(message: unknown, targetOrigin: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void, options: { once: boolean }): void;
}

let decoder: Promise<string> | undefined;

/** The page's decoder of columns, as a script for a blank page (built once). */
function decoderScript(): Promise<string> {
  decoder ??= esbuild
    .build({
      entryPoints: [path.join(projectRoot, 'src', 'webview', 'timeline', 'model', 'columnEvents.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      globalName: 'benchColumns',
      platform: 'browser',
      target: ['chrome120'],
      logLevel: 'warning',
    })
    .then((r) => r.outputFiles[0].text);
  return decoder;
}

/** Makes a blank page (openTimelinePage with `app: false`) able to decode columns. */
export async function addDecoder(page: TimelinePage): Promise<void> {
  await page.page.addScriptTag({ content: await decoderScript() });
}

/**
 * Posts `message` to the page as VS Code delivers it (postMessage, structured clone) and times until the page has
 * read it: the events as objects, or the columns decoded into them.
 */
export async function deliver(page: TimelinePage, message: ObjectsMessage | ToView): Promise<Handled> {
  await page.page.evaluate((m) => {
    (globalThis as unknown as PageGlobals).next = m;
  }, message);
  return page.measured(() =>
    page.page.evaluate(async () => {
      const w = globalThis as unknown as PageGlobals;
      const start = performance.now();
      let count = 0;
      const read = new Promise<void>((resolve) =>
        w.addEventListener(
          'message',
          (event) => {
            const m = event.data as { type: string; snapshot: { events: unknown } };
            const events = m.type === 'columns' ? w.benchColumns.columnEvents(m.snapshot.events) : m.snapshot.events;
            count = Array.isArray(events) ? events.length : -1;
            resolve();
          },
          { once: true },
        ),
      );
      w.postMessage(w.next, '*');
      await read;
      if (count < 0) throw new Error('the page could not read the events');
      return performance.now() - start;
    }),
  );
}
