// Messages a code-server workbench prints on every offline run that say nothing about the
// tests: the missing `vsda` signing module, gallery lookups without network, Chromium's
// warning about webview iframes that allow both scripts and same-origin, and the workbench's
// start-up chatter. IOTC_VSCODE_VERBOSE=1 shows everything.
const HARMLESS: readonly RegExp[] = [
  /vsda/i,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket \(renderer-/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^ChatSessionStore: Migrating/,
  /^Creation of workbench contribution '[^']*' took \d+ms/,
  /gallery|marketplace|open-vsx|extensionsgallery/i,
  /allow-scripts.*allow-same-origin/i,
  /Failed to load resource: the server responded with a status of 404/i,
];

export function isHarmlessNoise(message: string): boolean {
  return HARMLESS.some((re) => re.test(message));
}
