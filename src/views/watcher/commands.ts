// "Pin Client…" (by id from the palette; from a tree item, Show Client… or the timeline panel at
// once), "Unpin Client", and the list of pinned clients the status-bar item opens (select → its
// timeline; a button unpins).
import * as vscode from 'vscode';
import { clientLabel } from '../../core/clientWords';
import { orgFromApiKey, parseClientId } from '../../core/ids';
import { plainText } from '../../core/text';
import type { PlatformService } from '../../vscode/platforms/service';
import { requireReadyPlatform } from '../../vscode/platforms/ready';
import { clientStateOf } from '../clients/node';
import { Command } from '../../shared/commands';
import { quickPickText } from '../../core/quickPickText';
import { pinProblem } from '../../features/watcher/pins';
import type { PinStore } from './pinStore';
import type { WatcherService } from './service';
import { classify } from '../../features/watcher/tally';
import { clientWords } from '../../features/watcher/tooltip';
import { executeCommand } from '../../vscode/commands';

export interface PinCommandDeps {
  readonly platforms: PlatformService;
  readonly pins: PinStore;
  readonly service: WatcherService;
  /** The client of the focused timeline panel, if one is focused. */
  readonly activeTimelineClient?: () => string | undefined;
}

/** A client id from a command argument: an id (exactly as given: ids may hold spaces), a tree node, a state record,
 *  a pinned item. */
export function clientIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim() === '' ? undefined : arg;
  const fromPinned = (arg as { pinnedClientId?: unknown } | null)?.pinnedClientId;
  if (typeof fromPinned === 'string') return fromPinned;
  return clientStateOf(arg)?.id;
}

async function activePlatform(deps: PinCommandDeps): Promise<{ name: string; orgId?: string }> {
  const platform = await requireReadyPlatform(
    deps.platforms,
    vscode.l10n.t('Connect to a platform first: pins are kept per platform.'),
  );
  return { name: platform.name, orgId: platform.resolved.orgId ?? orgFromApiKey(platform.resolved.apiKey) };
}

export async function pinClient(deps: PinCommandDeps, arg?: unknown): Promise<boolean> {
  const platform = await activePlatform(deps);
  const given = clientIdOf(arg) ?? deps.activeTimelineClient?.();
  const clientId =
    given ??
    (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Pin Client'),
        ignoreFocusOut: true,
        prompt: vscode.l10n.t(
          'The client id to watch in the status bar while you debug (d:org:type:device, g:…, a:org:app, or any id ' +
            'a watched broker accepts)',
        ),
        placeHolder: platform.orgId ? `d:${platform.orgId}:sensor:sensor-7` : 'd:org1x2:sensor:sensor-7',
        validateInput: (v) => (v.trim() === '' ? undefined : pinProblem(v)),
      })
    )?.trim();
  if (!clientId) return false;
  const problem = pinProblem(clientId);
  if (problem) throw new Error(problem);
  // An id of the platform's form is watched under its organization; any other id on the client topic (§7.2).
  const org = parseClientId(clientId)?.orgId;
  if (platform.orgId && org !== undefined && org !== platform.orgId) {
    throw new Error(
      vscode.l10n.t(
        '{0} belongs to organization {1}, not to {2} of platform "{3}": its monitor topic is not visible there.',
        plainText(clientId, 100),
        plainText(org ?? '', 40),
        platform.orgId,
        plainText(platform.name, 60),
      ),
    );
  }
  const added = await deps.pins.pin(platform.name, clientId);
  const name = clientLabel(clientId);
  vscode.window.setStatusBarMessage(
    added
      ? vscode.l10n.t('Pinned {0}: the status bar shows its connection.', name)
      : vscode.l10n.t('{0} is pinned already.', name),
    4000,
  );
  return added;
}

export async function unpinClient(deps: PinCommandDeps, arg?: unknown): Promise<boolean> {
  const platform = await activePlatform(deps);
  const clientId =
    clientIdOf(arg) ?? deps.activeTimelineClient?.() ?? (await pickPinned(deps, vscode.l10n.t('Unpin which client?')));
  if (!clientId) return false;
  const removed = await deps.pins.unpin(platform.name, clientId);
  if (removed) vscode.window.setStatusBarMessage(vscode.l10n.t('Unpinned {0}.', clientLabel(clientId)), 4000);
  return removed;
}

/** The status-bar item's list: select a client to open its timeline; its button unpins it. */
export async function showPinned(deps: PinCommandDeps): Promise<void> {
  const platform = await activePlatform(deps);
  const clientId = await pickPinned(
    deps,
    vscode.l10n.t('Pinned clients of {0}: select one to open its timeline', plainText(platform.name, 60)),
    true,
  );
  if (clientId) await executeCommand(Command.showTimeline, clientId);
}

type PinnedItem = vscode.QuickPickItem & { clientId: string };

async function pickPinned(deps: PinCommandDeps, placeholder: string, withUnpin = false): Promise<string | undefined> {
  const now = Date.now();
  const unpin: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('close'), tooltip: vscode.l10n.t('Unpin') };
  const items = (): PinnedItem[] =>
    deps.service.snapshots().map((s) => {
      const cls = classify(s);
      const words = clientWords(s, now);
      return {
        clientId: s.clientId,
        label:
          `${cls === 'connected' ? '$(vm-running)' : cls === 'offline' ? '$(debug-disconnect)' : '$(question)'} ` +
          `${quickPickText(clientLabel(s.clientId), 60)}`,
        description: quickPickText(s.clientId, 150),
        detail: quickPickText([words.state, words.cause].filter(Boolean).join('; '), 300),
        buttons: withUnpin ? [unpin] : [],
      };
    });
  if (items().length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Nothing is pinned. Pin a client from the Clients view, Show Client… or "Pin Client…".'),
    );
    return undefined;
  }
  const pick = vscode.window.createQuickPick<PinnedItem>();
  pick.placeholder = placeholder;
  pick.matchOnDescription = true;
  pick.items = items();
  return new Promise<string | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]?.clientId));
    pick.onDidTriggerItemButton(async (e) => {
      await unpinClient(deps, e.item.clientId);
      pick.items = items();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  }).finally(() => pick.dispose());
}
