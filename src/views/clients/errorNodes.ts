// A failure as tree items: what went wrong (the platform layer's message, which says what to
// check) and the actions that fix it. Never an exception out of getChildren.
import * as vscode from 'vscode';
import { isPlatformError } from '../../platform/errors';
import type { PlatformFix } from '../../features/platforms/active';
import { isCancellation } from '../../vscode/cancellation';
import { messageOf } from '../../core/errors';
import { plainText } from '../../core/text';
import type { ClientsNode } from './node';
import { ActionNode, ErrorNode } from './simpleNodes';
import { Command, OWN_CALL } from '../../shared/commands';

export const FixCommand: Record<PlatformFix | 'retry' | 'enable' | 'settings' | 'editWatch', string> = {
  connect: 'iotConnectivity.connectPlatform',
  setCredentials: 'iotConnectivity.setCredentials',
  // Set Credentials offers the kept token first, with a question (views/commands/platformCommands.ts).
  localToken: 'iotConnectivity.setCredentials',
  select: 'iotConnectivity.selectPlatform',
  enable: 'iotConnectivity.enableClientState',
  retry: 'iotConnectivity.refresh',
  settings: 'workbench.action.openSettings',
  watchAgain: Command.watchBrokerAgain,
  editWatch: Command.watchBroker,
};

function action(
  prefix: string,
  parent: ClientsNode | undefined,
  fix: keyof typeof FixCommand,
  args: unknown[] = [],
): ActionNode {
  const [label, icon] = {
    connect: [vscode.l10n.t('Connect to Platform…'), 'plug'],
    setCredentials: [vscode.l10n.t('Set Credentials…'), 'key'],
    localToken: [vscode.l10n.t("Use the Local Sandbox's Token…"), 'key'],
    select: [vscode.l10n.t('Select Platform…'), 'server-environment'],
    enable: [vscode.l10n.t('Enable Client Connection State API'), 'check'],
    retry: [vscode.l10n.t('Retry'), 'refresh'],
    settings: [vscode.l10n.t('Edit Platform Settings'), 'settings-gear'],
    watchAgain: [vscode.l10n.t('Retry'), 'refresh'],
    editWatch: [vscode.l10n.t('Watch a Broker… (another URL, user or password)'), 'edit'],
  }[fix];
  return new ActionNode(`${prefix}/action/${fix}`, parent, label, icon, {
    command: FixCommand[fix],
    title: label,
    arguments: args,
  });
}

/** Items for a failed call of the state API. */
export function errorNodes(
  error: unknown,
  parent: ClientsNode | undefined,
  prefix: string,
  platformName: string,
): ClientsNode[] {
  if (isCancellation(error)) return [];
  const message = plainText(messageOf(error), 500);
  const kind = isPlatformError(error) ? error.kind : undefined;
  const api =
    isPlatformError(error) && error.apiMessage ? vscode.l10n.t('The platform said: {0}', error.apiMessage) : undefined;
  const item = (detail: string | undefined, summary?: string) =>
    new ErrorNode(`${prefix}/error`, parent, message, detail, summary);
  switch (kind) {
    case 'unauthorized':
    case 'forbidden':
      return [
        item(api, vscode.l10n.t('Credentials refused')),
        action(prefix, parent, 'setCredentials', [platformName, OWN_CALL]),
        action(prefix, parent, 'retry'),
      ];
    case 'featureDisabled':
      return [
        item(api, vscode.l10n.t('Client Connection State API is off')),
        action(prefix, parent, 'enable'),
        action(prefix, parent, 'retry'),
      ];
    case 'network':
    case 'timeout':
    case 'tls':
      return [
        item(
          vscode.l10n.t(
            'Check the URLs of platform "{0}", that the platform is running, and any proxy or firewall in between.',
            platformName,
          ),
          kind === 'tls' ? vscode.l10n.t('TLS failed') : vscode.l10n.t('Platform not reachable'),
        ),
        action(prefix, parent, 'retry'),
        action(prefix, parent, 'settings', ['iotConnectivity.platforms']),
      ];
    default:
      return [item(api), action(prefix, parent, 'retry')];
  }
}

/** Items for a platform that cannot be used yet (no token, bad settings). */
export function problemNodes(message: string, fix: PlatformFix, platformName: string | undefined): ClientsNode[] {
  const summary = {
    connect: vscode.l10n.t('Platform settings need attention'),
    setCredentials: vscode.l10n.t('Credentials needed'),
    localToken: vscode.l10n.t('Credentials needed'),
    select: vscode.l10n.t('Platform not found'),
    watchAgain: vscode.l10n.t('The server watching the broker did not start'),
  }[fix];
  const error = new ErrorNode('platform/error', undefined, message, undefined, summary);
  // Both take no argument: they act on the active platform, or ask.
  if (fix === 'watchAgain') {
    return [error, action('platform', undefined, fix), action('platform', undefined, 'editWatch')];
  }
  return [
    error,
    // OWN_CALL: the extension's own button, not asked about again (views/commands/outsideCall.ts).
    action('platform', undefined, fix, platformName ? [platformName, OWN_CALL] : []),
  ];
}
