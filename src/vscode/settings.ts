// The one reader and writer of the extension's settings. Platform settings decide where the API
// token goes, so they are read from user (and remote machine) settings only: a workspace, trusted
// or not, cannot redirect the token to another host, whatever its settings.json says.
import * as vscode from 'vscode';
import {
  DEFAULT_LOCAL_FLEET,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  MAX_LOCAL_FLEET,
  isSortOrder,
  SECTION,
  Setting,
  settingId,
  type SettingName,
  type SortOrder,
} from './settingKeys';
import { readNotifyMode, type NotifyMode } from '../features/watcher/notifyPolicy';
import { readLensMode, type LensMode } from '../features/idsInCode/lensPlan';
import { STATE_PAGE_MAX } from '../core/limits';

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

/** The user-level value (or the default); workspace and folder values are ignored. */
export function userValue<T>(name: SettingName): T | undefined {
  const inspected = config().inspect<T>(name);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

function intIn(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(max, Math.max(min, Math.floor(value)))
    : fallback;
}

export const settings = {
  platforms: (): unknown => userValue<unknown>(Setting.platforms),
  activePlatform: (): string | undefined => {
    const name = userValue<unknown>(Setting.activePlatform);
    return typeof name === 'string' && name.trim() !== '' ? name : undefined;
  },
  pageSize: (): number => intIn(config().get<unknown>(Setting.pageSize), 1, STATE_PAGE_MAX, DEFAULT_PAGE_SIZE),
  sort: (): SortOrder => {
    const value = config().get<unknown>(Setting.sort);
    return isSortOrder(value) ? value : DEFAULT_SORT;
  },
  groupByType: (): boolean => config().get<unknown>(Setting.groupByType) === true,
  /** 0 = off. At least 5 s when on: the API allows 10 calls per second for the whole org. */
  autoRefreshSeconds: (): number => {
    const s = intIn(config().get<unknown>(Setting.autoRefreshSeconds), 0, 86_400, 0);
    return s === 0 ? 0 : Math.max(5, s);
  },
  notify: (): NotifyMode => {
    const value = config().get<unknown>(Setting.notify);
    return readNotifyMode(value);
  },
  debugHoldKeepAlive: (): boolean => config().get<unknown>(Setting.debugHoldKeepAlive) !== false,
  debugConsoleLines: (): boolean => config().get<unknown>(Setting.debugConsoleLines) !== false,
  /** For the folder of `uri` (multi-root workspaces may differ per folder). */
  codeLens: (uri?: vscode.Uri): LensMode =>
    readLensMode(vscode.workspace.getConfiguration(SECTION, uri).get(Setting.codeLens)),
  /** 0 = no simulated fleet. */
  localSandboxFleetSize: (): number =>
    intIn(config().get<unknown>(Setting.localSandboxFleetSize), 0, MAX_LOCAL_FLEET, DEFAULT_LOCAL_FLEET),
};

/** Writes a setting to user settings (never to the workspace). */
export function updateUserSetting(name: SettingName, value: unknown): Thenable<void> {
  return config().update(name, value, vscode.ConfigurationTarget.Global);
}

/** Calls `listener` when one of `names` changes (and only then). */
export function onSettingsChanged(names: readonly SettingName[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (names.some((name) => e.affectsConfiguration(settingId(name)))) listener();
  });
}
