// The context keys this extension sets (for `when` clauses in package.json). No `vscode`
// import: the package.json lint test checks every `when` against this list.

export const ContextKey = {
  /** `none` (welcome view), `problem` (error items) or `ready`. */
  platformState: 'iotConnectivity.platformState',
  /** True while the Clients view shows a query's result. */
  queryActive: 'iotConnectivity.queryActive',
  /** True while this window's local sandbox (Start Local Sandbox) runs. */
  localSandboxRunning: 'iotConnectivity.localSandboxRunning',
} as const;

export type PlatformState = 'none' | 'problem' | 'ready';
