// Commands that change where a token goes (Connect to Platform, Select Platform, Set Credentials,
// Remove Platform) can be run by anyone: a `command:` link in a notification or a hover, a
// keybinding, another extension. Given an argument that says what to act on, and not the
// extension's own mark (OWN_CALL, shared/commands.ts), they first ask the person in a modal that
// names where the API key and token would go. Start Local Sandbox and npm start's handover never
// come here: they call the platform service directly.
import * as vscode from 'vscode';
import { plainText } from '../../core/text';
import { resolvePlatform, type PlatformConfig } from '../../features/platforms/config';
import { isOwnCall } from '../../shared/commands';

export interface Destination {
  readonly apiUrl?: string;
  readonly mqttUrl?: string;
}

/** Where a configured platform's token goes. */
export function destinationOf(config: PlatformConfig): Destination {
  const r = resolvePlatform(config);
  return r.ok ? { apiUrl: r.platform.apiUrl, mqttUrl: r.platform.mqttUrl } : { apiUrl: config.apiUrl };
}

/** The lines that say where the token goes, for a modal's detail. */
export function destinationWords(where: Destination): string {
  const none = vscode.l10n.t('(not given)');
  return [
    vscode.l10n.t('API: {0}', where.apiUrl ? plainText(where.apiUrl, 200) : none),
    vscode.l10n.t('MQTT: {0}', where.mqttUrl ? plainText(where.mqttUrl, 200) : none),
  ].join('\n');
}

export interface OutsideQuestion {
  readonly question: string;
  readonly where: Destination;
  /** The button that goes on. */
  readonly action: string;
}

/** True when the caller is the extension itself, or the person agreed in the modal. */
export async function confirmOutsideCall(
  caller: unknown,
  { question, where, action }: OutsideQuestion,
): Promise<boolean> {
  if (isOwnCall(caller)) return true;
  const detail =
    `${destinationWords(where)}\n\n` +
    vscode.l10n.t(
      'This was asked by a link, a keybinding or another extension, not from IoT Connectivity itself: continue ' +
        'only if you expected it.',
    );
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, action)) === action;
}
