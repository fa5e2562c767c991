// The webview's entry (dist/webview/timeline.js, loaded by nonce): wires the page to VS Code's
// webview API and says `ready`; the host posts nothing before that.

import { PROTOCOL_VERSION, type FromView, type TimelineViewState, type ToView } from '../../shared/protocol';
import { App } from './app';

interface VsCodeApi {
  postMessage(message: FromView): void;
  getState(): unknown;
  setState(state: TimelineViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();
const app = new App(document.getElementById('app') ?? document.body, {
  post: (m) => api.postMessage(m),
  getState: () => api.getState(),
  setState: (s) => api.setState(s),
});
window.addEventListener('message', (event: MessageEvent<ToView>) => app.receive(event.data));
api.postMessage({ type: 'ready', version: PROTOCOL_VERSION });
