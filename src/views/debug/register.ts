// The debugging loop in the extension: every debug session followed (a tracker on every type),
// its clients found (process ids, /proc, the monitor's Connects), watched as pinned for the
// session's lifetime, shown in a tree group of their own and in a status-bar item, and — while the
// program is paused — counted down and held where the platform can hold.
import * as os from 'os';
import * as vscode from 'vscode';
import { DebugLoop, type LoopPlatform } from '../../features/debug/loop';
import { normalAddress } from '../../features/debug/procNet';
import { procReader } from '../../features/debug/processes';
import type { WindowMonitor } from '../../features/monitor/windowMonitor';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { onSettingsChanged, settings } from '../../vscode/settings';
import { Setting } from '../../vscode/settingKeys';
import type { ClientsView } from '../clients/register';
import type { Watcher } from '../watcher/register';
import { ConsoleLines } from '../../features/debug/consoleLines';
import { DebugConsoleWriter } from './console';
import { FindingNotifier } from './finding';
import { DebugGroupNode } from './group';
import { DebugNotices } from './notices';
import { DebugRender } from './render';
import { DebugStatusBar } from './statusBar';
import { followDebugSessions } from './trackers';

export interface DebugDeps {
  readonly log: Log;
  readonly platforms: PlatformService;
  readonly clients: ClientsView;
  readonly watcher: Watcher;
  readonly monitors: WindowMonitor;
}

export interface DebugView {
  readonly loop: DebugLoop;
  readonly render: DebugRender;
  readonly statusBar: DebugStatusBar;
  readonly group: DebugGroupNode;
  /** The duplicate client id detective's notifications. */
  readonly findings: FindingNotifier;
}

/** Loopback and every address of this machine's interfaces, as brokers report them. */
function localAddresses(): ReadonlySet<string> {
  const found = new Set(['127.0.0.1', '::1']);
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) found.add(normalAddress(a.address));
  }
  return found;
}

export function registerDebug(context: vscode.ExtensionContext, deps: DebugDeps): DebugView {
  const log = deps.log.for('debug');
  const loop = new DebugLoop({
    reader: procReader(),
    log,
    localAddresses,
    excluded: (clientId) => clientId === deps.monitors.clientId,
    holdEnabled: () => settings.debugHoldKeepAlive(),
  });
  const { service, pins } = deps.watcher;
  const pinnedOn = (id: string) => (service.platform ? pins.has(service.platform.name, id) : false);
  const group = new DebugGroupNode(pinnedOn);
  const statusBar = new DebugStatusBar('iotConnectivity.clients.focus');
  const { provider } = deps.clients;
  const render = new DebugRender(loop, { group, statusBar, provider });
  const findings = new FindingNotifier(loop.detective, deps.log);
  const consoleLines = new ConsoleLines(loop);
  let active: unknown;
  const followPlatform = async () => {
    const status = await deps.platforms.status();
    const platform = status.kind === 'ready' ? status.platform : undefined;
    if (platform === active) return;
    active = platform;
    if (!platform) return loop.setPlatform(undefined);
    const p: LoopPlatform = {
      name: platform.name,
      rest: platform.rest,
      lease: () => {
        const got = deps.monitors.lease(platform);
        return got.ok ? got.lease : got.reason;
      },
    };
    loop.setPlatform(p);
  };
  void followPlatform();
  context.subscriptions.push(
    followDebugSessions(loop.sessions),
    deps.platforms.onDidChange(() => void followPlatform()),
    // The session's clients are watched as pinned while it runs; the person's own pins stay.
    loop.ownership.on('changed', () => {
      const ids = loop.ownership.roots().flatMap((r) => loop.ownership.of(r).map((c) => c.clientId));
      void service.setTransientPins([...new Set(ids)]);
    }),
    provider.addHead(() => (group.visible ? group : undefined)),
    onSettingsChanged([Setting.debugHoldKeepAlive], () => loop.keeper.holdSettingChanged()),
    new DebugNotices(loop, deps.log),
    render,
    statusBar,
    findings,
    new DebugConsoleWriter(consoleLines, loop.sessions),
    { dispose: () => consoleLines.dispose() },
    { dispose: () => void loop.dispose() },
  );
  return { loop, render, statusBar, group, findings };
}
