// src/platform — how the extension talks to a platform. Never imports 'vscode'.
//
// REST (platform-contract.md §2, §3, §5) — one PlatformRestClient per platform:
//
//   const rest = new PlatformRestClient({ apiUrl, apiKey, apiToken, ca, rejectUnauthorized, timeoutMs, log });
//   await rest.verify(signal);                       // "Connect to Platform…": one real call
//   const page = await rest.listClientStates({ query: { connectionStatus: 'connected' }, limit: 100,
//                                              sort: ['-lastActivityTime'] }, signal);
//   page.records / page.bookmark / page.totalRows (meta.total_rows) / page.skipped (unreadable records)
//   for await (const p of rest.allClientStates(request, signal)) { … }   // every page
//   await rest.getClientState('d:org1x2:sensor:s-01', signal);            // 404 → kind 'notFound'
//   await rest.getClientStateConfig() / rest.setClientStateConfig(true)
//   await rest.getConnectionLog({ typeId, deviceId, limit, offset, fromTime, toTime }, signal);
//   for await (const p of rest.streamConnectionLog({ typeId, deviceId }, signal)) { … } // newest → oldest
//   rest.listDeviceTypes() / createDeviceType(id) / createDevice(type, { deviceId }) → { authToken } / getDevice()
//   rest.dispose();
//
//   - Signals: turn a CancellationToken into an AbortController and pass its signal; a cancelled
//     call fails with kind 'cancelled' (treat it as normal, not as an error to show).
//   - Pacing: all calls of one client stay within 10 calls/s (sliding window); a 429 pauses them
//     all for its Retry-After (up to 10 s, else the call fails as 'rateLimited' with retryAfterMs).
//   - Retries: 5xx and broken connections on GET/PUT, up to 3 times with backoff and jitter; 429 on
//     any call; never 4xx, timeouts, TLS or cancellation.
//   - Failures: always PlatformError (errors.ts) with `kind`, `status`, `apiMessage`, `apiId`,
//     `violations`, `tls`, and a message a person can act on. Its message, properties and the log
//     lines never contain the API token. Ids and API messages inside are untrusted: render as text.
//   - 'featureDisabled' is a 403 from the state API while config/clientstate is off (checked with
//     one extra call, only on a 403): offer "Enable Client Connection State API".
//
// Monitor (platform-contract.md §4) — one MonitorClient per platform and window:
//
//   const monitor = new MonitorClient({ mqttUrl, orgId, appId, apiKey, apiToken, ca, log });
//   monitor.on('connection', (c) => …);    // the watcher's own link: connecting/connected/
//                                          // reconnecting/rejected/closed — never a client's state
//   monitor.on('message', (e) => …);       // e.message: a parsed monitor message; e.retained: initial state
//   monitor.on('invalid', (p) => …);       // unreadable payloads (logged, never thrown)
//   monitor.on('subscription', (s) => …);  // per topic: granted, or refused (SUBACK 0x80)
//   monitor.on('message', (e) => book.applyMonitor(e.message, e.retained, e.receivedAt)); // core/presence
//   monitor.on('reconnected', async (event) => {
//     const report = await reconcile(rest, book, { ...event, signal });
//     // report.missed: per client, what happened while offline (devices: every log event of the
//     // window); report.transitions: what the records changed in the book
//   });
//   monitor.start();
//   await monitor.setPlan(planCover(book.pinned()));   // core/monitorCover: { topics, accepts(topic) }
//   monitor.restart();                      // after 'rejected' (credentials fixed)
//   await monitor.dispose();

export { backoffDelay } from './backoff';
export { PlatformError } from './errors';
export { MonitorClient } from './monitor/monitorClient';
export { reconcile } from './monitor/reconcile';
export type { MonitorEvent, MonitorEvents, MonitorOptions, Reconnected } from './monitor/types';
export { PlatformRestClient } from './rest/client';
export type { LogPage } from './rest/logs';
export type { RestClientOptions } from './rest/options';
export { secretForms } from './rest/redact';
