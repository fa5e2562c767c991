// The query the Clients view shows (none = every client), and the recent queries offered again,
// kept per workspace. Queries are kept in their canonical form, spans stay relative ("2d").
import * as vscode from 'vscode';
import type { StateQuery } from '../../core/query';
import { canonicalStateQuery, isEmptyStateQuery, readStateQuery, stateQueriesEqual } from '../../core/stateQuery';
import { ContextKey } from '../../vscode/contextKeys';

const RECENT_KEY = 'iotConnectivity.recentQueries';
const MAX_RECENT = 10;

export class QueryState implements vscode.Disposable {
  private query: StateQuery = {};
  private readonly changed = new vscode.EventEmitter<StateQuery>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {
    void this.publish();
  }

  get current(): StateQuery {
    return this.query;
  }

  get active(): boolean {
    return !isEmptyStateQuery(this.query);
  }

  async set(query: StateQuery): Promise<void> {
    this.query = canonicalStateQuery(query);
    if (this.active) await this.remember(this.query);
    await this.publish();
    this.changed.fire(this.query);
  }

  clear(): Promise<void> {
    return this.set({});
  }

  /** Most recent first; entries that no longer read as queries are dropped. */
  recent(): StateQuery[] {
    const stored = this.memento.get<unknown>(RECENT_KEY);
    if (!Array.isArray(stored)) return [];
    return stored
      .map((q) => readStateQuery(q))
      .filter((r) => r.problems.length === 0 && !isEmptyStateQuery(r.query))
      .map((r) => r.query);
  }

  private async remember(query: StateQuery): Promise<void> {
    const rest = this.recent().filter((q) => !stateQueriesEqual(q, query));
    await this.memento.update(RECENT_KEY, [query, ...rest].slice(0, MAX_RECENT));
  }

  private async publish(): Promise<void> {
    await vscode.commands.executeCommand('setContext', ContextKey.queryActive, this.active);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
