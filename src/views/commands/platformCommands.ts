// "Select Platform…", "Set Credentials…" and "Remove Platform…". A platform named by an argument
// from outside the extension is asked about first (outsideCall.ts); removing always is.
import * as vscode from 'vscode';
import { plainText } from '../../core/text';
import { messageOf } from '../../core/errors';
import type { Log } from '../../vscode/log';
import { readCaFile } from '../../features/platforms/caFile';
import { hostOf, resolvePlatform, type PlatformConfig } from '../../features/platforms/config';
import { createRestClient, type PlatformService } from '../../vscode/platforms/service';
import { withUserProgress } from '../../vscode/progress';
import { Command, OWN_CALL } from '../../shared/commands';
import { executeCommand } from '../../vscode/commands';
import { confirmOutsideCall, destinationOf, destinationWords } from './outsideCall';

export interface PlatformDeps {
  readonly platforms: PlatformService;
  readonly log: Log;
}

/** The platform the argument names (asked about when from outside), or the one the person picks (none to
 *  pick from: connect). */
async function choose(
  deps: PlatformDeps,
  arg: unknown,
  placeholder: string,
  outside?: { readonly caller: unknown; readonly question: (name: string) => string; readonly action: string },
): Promise<PlatformConfig | undefined> {
  const list = deps.platforms.list();
  const named = typeof arg === 'string' ? list.find((p) => p.name === arg) : undefined;
  if (named && outside) {
    const { caller, question, action } = outside;
    const asked = { question: question(plainText(named.name, 60)), where: destinationOf(named), action };
    return (await confirmOutsideCall(caller, asked)) ? named : undefined;
  }
  if (named) return named;
  if (list.length === 0) {
    await executeCommand(Command.connectPlatform);
    return undefined;
  }
  const active = deps.platforms.activeName();
  const items = list.map((p) => {
    const r = resolvePlatform(p);
    return {
      label: plainText(p.name, 60),
      description: p.name === active ? vscode.l10n.t('active') : undefined,
      detail: hostOf(r.ok ? r.platform.apiUrl : p.apiUrl),
      platform: p,
    };
  });
  return (await vscode.window.showQuickPick(items, { placeHolder: placeholder }))?.platform;
}

export async function selectPlatform(deps: PlatformDeps, arg?: unknown, caller?: unknown): Promise<void> {
  const picked = await choose(deps, arg, vscode.l10n.t('Which platform should the Clients view show?'), {
    caller,
    question: (name) => vscode.l10n.t('Make "{0}" the active platform, and send its API key and token there?', name),
    action: vscode.l10n.t('Select'),
  });
  if (picked) await deps.platforms.select(picked.name);
}

export async function setCredentials(deps: PlatformDeps, arg?: unknown, caller?: unknown): Promise<void> {
  const picked = await choose(
    deps,
    arg ?? deps.platforms.activeName(),
    vscode.l10n.t('Set the credentials of which platform?'),
    // Without an argument it is the active platform's: nothing from outside chose it.
    {
      caller: arg === undefined ? OWN_CALL : caller,
      question: (name) => vscode.l10n.t('Set the credentials of platform "{0}"? They will be sent there.', name),
      action: vscode.l10n.t('Continue'),
    },
  );
  if (!picked) return;
  const name = plainText(picked.name, 60);
  const offer = await offerKeptToken(deps, picked);
  if (offer === 'used' || offer === 'cancelled') return;
  const title = vscode.l10n.t('Set Credentials of {0}', name);
  const apiKey = await vscode.window.showInputBox({
    title,
    value: picked.apiKey,
    ignoreFocusOut: true,
    prompt: vscode.l10n.t('API key (a-org-…, from the platform)'),
    validateInput: (v) =>
      v.trim() === '' || /\s/.test(v.trim()) ? vscode.l10n.t('Enter the API key, without spaces.') : undefined,
  });
  if (apiKey === undefined) return;
  const token = await vscode.window.showInputBox({
    title,
    password: true,
    ignoreFocusOut: true,
    prompt: vscode.l10n.t(
      'API token for the API key {0} (kept in the secret storage of VS Code)',
      plainText(apiKey.trim(), 60),
    ),
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Enter the API token.') : undefined),
  });
  if (token === undefined) return;
  const resolved = resolvePlatform({ ...picked, apiKey: apiKey.trim() });
  if (!resolved.ok) throw new Error(resolved.problem);
  deps.log.addSecret(apiKey.trim(), token);
  try {
    await withUserProgress(vscode.l10n.t('Checking the credentials of {0}…', name), async (signal) => {
      const ca = resolved.platform.caFile ? await readCaFile(resolved.platform.caFile) : undefined;
      if (ca && !ca.ok) throw new Error(ca.problem);
      const rest = createRestClient(resolved.platform, token, ca?.pem, deps.log);
      try {
        await rest.verify(signal);
      } finally {
        rest.dispose();
      }
    });
  } catch (error) {
    const save = vscode.l10n.t('Save Anyway');
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t(
        'The credentials of {0} did not work: {1}',
        name,
        deps.log.redact(plainText(messageOf(error), 500)),
      ),
      save,
    );
    if (choice !== save) return;
  }
  await deps.platforms.setCredentials(picked.name, apiKey.trim(), token);
}

/** A local sandbox's kept token for the platform, if there is one: used only if the person says so. */
async function offerKeptToken(deps: PlatformDeps, picked: PlatformConfig): Promise<'used' | 'declined' | 'cancelled'> {
  const kept = await deps.platforms.keptToken(picked);
  if (!kept) return 'declined';
  const use = vscode.l10n.t("Use the Sandbox's Token");
  const other = vscode.l10n.t('Enter Other Credentials…');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t(
      'Use the API token that the local sandbox on this computer keeps for platform "{0}"?',
      plainText(picked.name, 60),
    ),
    {
      modal: true,
      detail:
        vscode.l10n.t('It is read from {0} and kept in the secret storage of VS Code.', kept.file) +
        `\n\n${destinationWords(destinationOf(picked))}`,
    },
    use,
    other,
  );
  if (choice === undefined) return 'cancelled';
  if (choice !== use) return 'declined';
  deps.log.addSecret(picked.apiKey, kept.token);
  await deps.platforms.setCredentials(picked.name, picked.apiKey, kept.token);
  return 'used';
}

export async function removePlatform(deps: PlatformDeps, arg?: unknown): Promise<void> {
  const picked = await choose(deps, arg, vscode.l10n.t('Remove which platform?'));
  if (!picked) return;
  const remove = vscode.l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove platform {0} and its stored token from this computer?', plainText(picked.name, 60)),
    { modal: true, detail: destinationWords(destinationOf(picked)) },
    remove,
  );
  if (answer === remove) await deps.platforms.remove(picked.name);
}
