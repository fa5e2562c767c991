// The webview's entry (dist/webview/timeline.js, loaded by nonce): takes the person's language from
// the page (features/timeline/html.ts: `lang` and the host's l10n bundle), wires the page to VS
// Code's webview API and says `ready`; the host posts nothing before that.

import { useLanguage, type L10nBundle } from '../../core/l10n';
import { PROTOCOL_VERSION, type FromView, type TimelineViewState, type ToView } from '../../shared/protocol';
import { App } from './app';

interface VsCodeApi {
  postMessage(message: FromView): void;
  getState(): unknown;
  setState(state: TimelineViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

function readBundle(text: string | undefined): L10nBundle | undefined {
  try {
    const value: unknown = JSON.parse(text ?? '{}');
    if (typeof value !== 'object' || value === null || Object.keys(value).length === 0) return undefined;
    return value as L10nBundle;
  } catch {
    return undefined;
  }
}

const root = document.getElementById('app') ?? document.body;
useLanguage(document.documentElement.lang || 'en', readBundle(root.dataset.l10n));
const api = acquireVsCodeApi();
const app = new App(root, {
  post: (m) => api.postMessage(m),
  getState: () => api.getState(),
  setState: (s) => api.setState(s),
});
window.addEventListener('message', (event: MessageEvent<ToView>) => app.receive(event.data));
api.postMessage({ type: 'ready', version: PROTOCOL_VERSION });
