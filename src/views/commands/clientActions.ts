// What can be done with one client, offered by "Show Client…" (and open to later features: the
// timeline and pins add theirs with add()). Each action is a command that takes the state record.
import * as vscode from 'vscode';
import type { ClientState } from '../../core/clientState';
import { Command } from '../../shared/commands';

/** The commands that take a client (its state record) as their argument. */
export type ClientCommand =
  | typeof Command.showDetails
  | typeof Command.copyClientId
  | typeof Command.showTimeline
  | typeof Command.pinClient
  | typeof Command.unpinClient;

export interface ClientAction {
  /** Shown in the list, e.g. "$(json) Show Details". */
  readonly label: () => string;
  readonly command: ClientCommand;
  readonly appliesTo?: (state: ClientState) => boolean;
}

export class ClientActions {
  private readonly actions: ClientAction[] = [
    { label: () => vscode.l10n.t('$(json) Show Details'), command: Command.showDetails },
    { label: () => vscode.l10n.t('$(copy) Copy Client ID'), command: Command.copyClientId },
  ];

  add(action: ClientAction): vscode.Disposable {
    this.actions.push(action);
    return new vscode.Disposable(() => {
      const i = this.actions.indexOf(action);
      if (i >= 0) this.actions.splice(i, 1);
    });
  }

  for(state: ClientState): ClientAction[] {
    return this.actions.filter((a) => a.appliesTo?.(state) ?? true);
  }
}
