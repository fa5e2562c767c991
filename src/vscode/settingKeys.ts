// Every setting of the extension, by name, in one place (no `vscode` import: the package.json
// lint test reads this too). Readers live in settings.ts.

export const SECTION = 'iotConnectivity';

export const Setting = {
  platforms: 'platforms',
  activePlatform: 'activePlatform',
  pageSize: 'pageSize',
  sort: 'sort',
  groupByType: 'groupByType',
  autoRefreshSeconds: 'autoRefreshSeconds',
  /** Simulated clients of "Start Local Sandbox" (0 = none). */
  localSandboxFleetSize: 'localSandbox.fleetSize',
  /** When the pinned-client watcher notifies: `whileDebugging`, `always`, `never`. */
  notify: 'notify',
  /** Hold a paused program's clients' keep-alive where the platform can (the local sandbox). */
  debugHoldKeepAlive: 'debug.holdKeepAliveWhilePaused',
  /** Write the debug session's clients' connects, drops and holds to its Debug Console. */
  debugConsoleLines: 'debug.consoleLines',
  /** Lenses above lines with client ids: `on`, `off`, `pinned` (per folder). */
  codeLens: 'codeLens',
} as const;
export type SettingName = (typeof Setting)[keyof typeof Setting];

/** Where a token may be sent is decided by these: read them from user/machine scope only. */
export const PLATFORM_SETTINGS: readonly SettingName[] = [Setting.platforms, Setting.activePlatform];

export function settingId(name: SettingName): string {
  return `${SECTION}.${name}`;
}

/** The values of `iotConnectivity.sort`, each with the API's `_sort` fields. */
export const SORT_ORDERS = {
  lastActivityNewest: ['-lastActivityTime'],
  lastActivityOldest: ['lastActivityTime'],
  lastConnectNewest: ['-lastConnectTime'],
  lastDisconnectNewest: ['-lastDisconnectTime'],
  idAscending: ['id'],
} as const;
export type SortOrder = keyof typeof SORT_ORDERS;
export const DEFAULT_SORT: SortOrder = 'lastActivityNewest';

export function isSortOrder(value: unknown): value is SortOrder {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SORT_ORDERS, value);
}

export const DEFAULT_PAGE_SIZE = 100;

/** "Start Local Sandbox": a fleet big enough to show every kind of cause, small enough for a laptop. */
export const DEFAULT_LOCAL_FLEET = 40;
export const MAX_LOCAL_FLEET = 2000;
