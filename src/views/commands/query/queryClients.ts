// "Query Clients…": a menu of every filter of the state API with its current value, recent
// queries to run again, and "Run Query". The tree then shows the result; a query can also come
// as the argument (a keybinding, another feature), read and checked like a stored one.
import * as vscode from 'vscode';
import type { StateQuery } from '../../../core/query';
import { isEmptyStateQuery, readStateQuery, validateStateQuery } from '../../../core/stateQuery';
import { describeStateQuery } from '../../../core/stateQueryWords';
import type { PlatformService } from '../../../vscode/platforms/service';
import type { QueryState } from '../../clients/queryState';
import { quickPickText } from '../../../core/quickPickText';
import { chooseValue, fieldLabel, FIELDS, valueWords, type Field } from './filters';

interface MenuItem extends vscode.QuickPickItem {
  readonly field?: Field;
  readonly recent?: StateQuery;
  readonly run?: boolean;
  readonly clear?: boolean;
}

function menu(draft: StateQuery, recent: readonly StateQuery[]): MenuItem[] {
  const items: MenuItem[] = [
    {
      label: vscode.l10n.t('$(play) Run Query'),
      description: quickPickText(describeStateQuery(draft), 200),
      run: true,
    },
  ];
  if (!isEmptyStateQuery(draft)) items.push({ label: vscode.l10n.t('$(clear-all) Clear Filters'), clear: true });
  items.push({ label: vscode.l10n.t('Filters'), kind: vscode.QuickPickItemKind.Separator });
  for (const field of FIELDS) {
    items.push({ label: fieldLabel(field), description: valueWords(draft[field], field), field });
  }
  if (recent.length > 0) {
    items.push({ label: vscode.l10n.t('Recent queries'), kind: vscode.QuickPickItemKind.Separator });
  }
  for (const q of recent) items.push({ label: `$(history) ${quickPickText(describeStateQuery(q), 200)}`, recent: q });
  return items;
}

export interface QueryDeps {
  readonly platforms: PlatformService;
  readonly query: QueryState;
}

export async function queryClients(deps: QueryDeps, arg?: unknown): Promise<StateQuery | undefined> {
  const query = arg !== undefined ? fromArgument(arg) : await ask(deps);
  if (query) await deps.query.set(query);
  return query;
}

function fromArgument(arg: unknown): StateQuery {
  const { query, problems } = readStateQuery(arg);
  const all = [...problems, ...validateStateQuery(query, Date.now())];
  if (all.length > 0) throw new Error(all.map((p) => p.message).join(' '));
  return query;
}

async function ask(deps: QueryDeps): Promise<StateQuery | undefined> {
  const status = await deps.platforms.status();
  const rest = status.kind === 'ready' ? status.platform.rest : undefined;
  const draft: Record<string, string | undefined> = { ...deps.query.current };
  let problem: string | undefined;
  for (;;) {
    const picked = await vscode.window.showQuickPick(menu(draft as StateQuery, deps.query.recent()), {
      title: vscode.l10n.t('Query Clients'),
      placeHolder: problem ?? vscode.l10n.t('Choose a filter to change, or run the query'),
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.recent) return picked.recent;
    if (picked.clear) for (const key of Object.keys(draft)) delete draft[key];
    if (picked.field) {
      problem = undefined;
      const value = await chooseValue(picked.field, draft[picked.field], rest);
      if (value !== null) draft[picked.field] = value;
    }
    if (picked.run) {
      const clean = readStateQuery(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== undefined))).query;
      const problems = validateStateQuery(clean, Date.now());
      if (problems.length === 0) return clean;
      problem = problems.map((p) => p.message).join(' ');
    }
  }
}
