// "Watch a Broker…": which broker (one watched before, or a new one through steps.ts), then the
// bundled server observing it (service.ts) as the active platform, and a word on what it hears.
// It takes no argument: a link or another extension cannot make it send a password anywhere.
import * as vscode from 'vscode';
import { plainText } from '../../core/text';
import { targetOf, type WatchDraft } from '../../features/watchBroker/draft';
import { brokerWhere, platformNameOf, type BrokerTarget } from '../../features/watchBroker/target';
import { messageOf } from '../../core/errors';
import type { WatchedBroker } from '../../shared/commands';
import { withUserProgress } from '../../vscode/progress';
import { FlowCancelled, inputStep, runSteps } from '../commands/multiStep';
import { firstWatchStep } from './steps';
import type { WatchedBrokers } from './service';
import type { PlatformService } from '../../vscode/platforms/service';

const CLIENTS_VIEW_COMMAND = 'iotConnectivity.clients.focus';

interface Chosen {
  readonly target: BrokerTarget;
  readonly password?: string;
}

export interface WatchBrokerDeps {
  readonly brokers: WatchedBrokers;
  readonly platforms: PlatformService;
}

export async function watchBroker(deps: WatchBrokerDeps): Promise<WatchedBroker | undefined> {
  let chosen: Chosen | undefined;
  try {
    chosen = await choose(deps.brokers);
  } catch (error) {
    if (error instanceof FlowCancelled) return undefined;
    throw error;
  }
  if (!chosen) return undefined;
  const { target, password } = chosen;
  const name = platformNameOf(target);
  const started = await withUserProgress(
    vscode.l10n.t('Starting a server that watches {0}…', plainText(brokerWhere(target), 100)),
    (signal) => deps.brokers.start(target, password, signal),
  );
  void vscode.commands.executeCommand(CLIENTS_VIEW_COMMAND);
  void tellWhatItHears(deps.platforms, name);
  return { name, apiUrl: started.ready.apiUrl, mqttUrl: started.ready.mqttUrl, pid: started.pid };
}

/** Retry of the Clients tree (and the palette): the active platform's broker, watched again as it was. */
export async function watchBrokerAgain(brokers: WatchedBrokers): Promise<WatchedBroker | undefined> {
  const started = await brokers.resume('retry');
  if (!started) return undefined;
  void vscode.commands.executeCommand(CLIENTS_VIEW_COMMAND);
  return { name: started.name, apiUrl: started.ready.apiUrl, mqttUrl: started.ready.mqttUrl, pid: started.pid };
}

async function choose(brokers: WatchedBrokers): Promise<Chosen | undefined> {
  const remembered = brokers.remembered();
  if (remembered.length > 0) {
    const items = [
      ...remembered.map((target) => ({
        label: `$(history) ${plainText(platformNameOf(target), 80)}`,
        description: plainText(target.user ? `${target.user} @ ${brokerWhere(target)}` : brokerWhere(target), 120),
        target,
      })),
      { label: vscode.l10n.t('$(add) Another broker…'), target: undefined },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Watch a Broker'),
      placeHolder: vscode.l10n.t('Watch a broker again, or another one'),
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.target) return again(brokers, picked.target);
  }
  const draft = await runSteps<WatchDraft>({}, firstWatchStep);
  const target = targetOf(draft);
  return target ? { target, password: draft.password } : undefined;
}

/** A broker watched before: its stored password, or asked for when none is stored. */
async function again(brokers: WatchedBrokers, target: BrokerTarget): Promise<Chosen> {
  const stored = await brokers.storedPassword(target);
  if (stored !== undefined || !target.user) return { target, password: stored };
  const password = await inputStep({
    title: vscode.l10n.t('Watch a Broker'),
    step: 1,
    totalSteps: 1,
    password: true,
    untrimmed: true,
    prompt: vscode.l10n.t('Password of {0} (kept in the secret storage of VS Code)', plainText(target.user, 60)),
    validate: (v) => (v.length > 1000 ? vscode.l10n.t('At most {0} characters.', 1000) : undefined),
  });
  return { target, password: password || undefined };
}

/** How long the server may take to find what a broker is not set up to tell (it waits for a probe's log line). */
const CHECKS_MS = 6000;
const CHECK_EVERY_MS = 1000;

/**
 * After the start: whether the server hears the broker, and anything the broker is not set up to tell — as soon as
 * a problem is known, or once the server has had the time to check.
 */
async function tellWhatItHears(platforms: PlatformService, name: string): Promise<void> {
  const shown = plainText(name, 80);
  try {
    const status = await platforms.status();
    if (status.kind !== 'ready') return;
    let problems = 0;
    for (const until = Date.now() + CHECKS_MS; ;) {
      const source = await status.platform.rest.getSource();
      problems = source.diagnostics.length + (source.status === 'connected' ? 0 : 1);
      if (problems > 0 || Date.now() >= until) break;
      await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS));
    }
    if (problems === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Watching {0}: the Clients view shows its clients. The server stops when this window closes; its ' +
            'history is kept for the next time.',
          shown,
        ),
      );
      return;
    }
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Watching {0}, but not everything can be heard: the Clients view says what is missing and how to fix it.',
        shown,
      ),
    );
  } catch (error) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Watching {0}; its source could not be read: {1}', shown, plainText(messageOf(error), 300)),
    );
  }
}
