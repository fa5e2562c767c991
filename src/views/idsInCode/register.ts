// Client ids in the code: hovers, CodeLenses and document links for every text document (any
// language, any folder of a multi-root workspace, files and untitled ones), fed by what the rest of
// the extension learns: the Clients tree's pages, the pins, the watcher's transitions.
import * as vscode from 'vscode';
import type { PresenceTransition } from '../../core/presence/presence';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import type { ClientsView } from '../clients/register';
import type { Watcher } from '../watcher/register';
import { DocumentIds } from './documents';
import { IdHovers } from './hover';
import { IdLenses } from './lenses';
import { IdLinks } from './links';
import { IdsSession } from './session';

export interface IdsInCodeDeps {
  readonly log: Log;
  readonly platforms: PlatformService;
  readonly clients: ClientsView;
  readonly watcher: Watcher;
}

export interface IdsInCode {
  readonly session: IdsSession;
  readonly documents: DocumentIds;
  readonly lenses: IdLenses;
  /** The client id under the cursor of the active editor. */
  idAtCursor(): string | undefined;
}

/** Documents the providers read: on disk (local or remote), untitled, and virtual workspaces'. */
const SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file' },
  { scheme: 'untitled' },
  { scheme: 'vscode-remote' },
  { scheme: 'vscode-vfs' },
];

export function registerIdsInCode(context: vscode.ExtensionContext, deps: IdsInCodeDeps): IdsInCode {
  const session = new IdsSession(deps.platforms, deps.log.for('ids'));
  const documents = new DocumentIds(session);
  const { pins, service } = deps.watcher;
  const isPinned = (id: string) => {
    const platform = session.active?.platformName;
    return platform !== undefined && pins.has(platform, id);
  };
  const lenses = new IdLenses(session, documents, isPinned);
  const feedPins = () => {
    const platform = session.active?.platformName;
    session.index.replace('pins', platform ? pins.list(platform) : []);
  };
  const learn = (t: PresenceTransition) => session.active?.lookups.learnEvent(t.clientId, t.to, t.event);
  context.subscriptions.push(
    session,
    documents,
    lenses,
    vscode.languages.registerCodeLensProvider(SELECTOR, lenses),
    vscode.languages.registerHoverProvider(SELECTOR, new IdHovers(session, documents, isPinned)),
    vscode.languages.registerDocumentLinkProvider(SELECTOR, new IdLinks(documents)),
    deps.clients.provider.onDidLoadClients(({ platformName, records }) => {
      const active = session.active;
      if (active?.platformName !== platformName) return;
      session.index.add(
        'tree',
        records.map((r) => r.id),
      );
      active.lookups.learn(records);
    }),
    session.onDidChangePlatform(feedPins),
    pins.onDidChange(() => {
      feedPins();
      lenses.redraw(); // `pinned` mode: which ids have lenses changed
    }),
    service.onDidTransition(learn),
    service.onDidReconcile((outcome) => outcome.transitions.forEach(learn)),
  );
  return {
    session,
    documents,
    lenses,
    idAtCursor() {
      const editor = vscode.window.activeTextEditor;
      return editor ? documents.at(editor.document, editor.selection.active)?.clientId : undefined;
    },
  };
}
