// The broker behind the API, at the head of the Clients tree when it is an observed one
// (platform-contract.md §7.2; features/clients/source.ts): "Mosquitto mqtt://…", its count beside
// the clients known, its nodes, since when it is observed; what stops the server from hearing it
// now and what the broker is not set up to tell, as problem rows with the lines that fix them
// (Copy the Fix); and what this kind of broker cannot tell at all. Text from the server is untrusted.
import * as vscode from 'vscode';
import { hashText, plainText } from '../../core/text';
import { toIso } from '../../core/time';
import { formatRelative } from '../../core/timeWords';
import {
  isObserved,
  sourceModel,
  type SourceLimit,
  type SourceModel,
  type SourceProblem,
} from '../../features/clients/source';
import { Command } from '../../shared/commands';
import type { ClientsNode, TreeSession } from './node';
import type { LoadedChildren } from './rowsSignature';
import { ActionNode, MessageNode } from './simpleNodes';

const ROOT = 'source';

/**
 * The source row of each load of the tree, or undefined for the sandbox, a platform that does not say, or a failed
 * call. A platform that serves no observed broker is not asked again while its REST client lasts (until its settings
 * or credentials change): each tree load would cost it one more call of its rate limit.
 */
export class SourceHeads {
  private readonly plain = new WeakSet<object>();

  async load(session: TreeSession, now = Date.now()): Promise<SourceNode | undefined> {
    const { rest, signal } = session;
    if (this.plain.has(rest)) return undefined;
    const info = await rest.getSource(signal).catch(() => undefined);
    if (!info) return undefined;
    if (!isObserved(info)) {
      this.plain.add(rest);
      return undefined;
    }
    const known =
      info.connectedCount === undefined
        ? undefined
        : await rest
            .listClientStates({ query: { connectionStatus: 'connected' }, limit: 1 }, signal)
            .then((page) => page.totalRows)
            .catch(() => undefined);
    return new SourceNode(sourceModel(info, known), now);
  }
}

export function brokerName(kind: string): string {
  return kind === 'mosquitto' ? 'Mosquitto' : kind === 'rabbitmq' ? 'RabbitMQ' : plainText(kind, 30);
}

function countWords(m: SourceModel): string | undefined {
  if (m.brokerCount === undefined) return undefined;
  return m.known === undefined
    ? vscode.l10n.t("{0} connected (broker's count)", m.brokerCount)
    : vscode.l10n.t("{0} connected (broker's count), {1} known", m.brokerCount, m.known);
}

function limitWords(limit: SourceLimit): string {
  switch (limit) {
    case 'notListed':
      return vscode.l10n.t(
        'The broker lists no clients: one connected before observing began is unknown until it connects, ' +
          'disconnects or fails again.',
      );
    case 'observedHistory':
      return vscode.l10n.t(
        'History holds only what this server observed: nothing from before, nor while it was stopped.',
      );
    case 'refusedWithoutId':
      return vscode.l10n.t("A refused connection (a wrong password) names no client id: it is in no client's history.");
    case 'noAdminDisconnect':
      return vscode.l10n.t('The broker cannot close a client from outside (Mosquitto 2.0).');
    case 'noKeepAlive':
      return vscode.l10n.t("A client's keep-alive is not told: it stays unknown.");
    case 'crashedNode':
      return vscode.l10n.t(
        'A node that crashes says nothing of its clients: their drop is found when the server reconciles, ' +
          'without a cause.',
      );
  }
}

function problemTitle(p: SourceProblem): string {
  if (p.code === 'source.reconnecting') return vscode.l10n.t('The server cannot reach the broker now; it keeps trying');
  if (p.code === 'source.refused') return vscode.l10n.t("The broker refused the server's user or password");
  return plainText(p.message, 200) || plainText(p.code, 80);
}

export class SourceNode implements ClientsNode, LoadedChildren {
  /** Per broker; another id while there are problems, so that VS Code opens it afresh to show them. */
  readonly id: string;
  private readonly children: ClientsNode[];

  constructor(
    readonly model: SourceModel,
    now: number,
  ) {
    const m = model;
    this.id = `${ROOT}/${hashText(`${m.kind} ${m.broker ?? ''}`)}${m.problems.length > 0 ? '/problems' : ''}`;
    const base = this.id;
    const rows: ClientsNode[] = m.problems.map((p, i) => new SourceProblemNode(`${base}/problem/${i}`, this, p));
    if (m.broker) {
      rows.push(
        new MessageNode(`${base}/broker`, this, vscode.l10n.t('Broker: {0}', plainText(m.broker, 200)), 'plug'),
      );
    }
    m.nodes.forEach((n, i) =>
      rows.push(new MessageNode(`${base}/node/${i}`, this, vscode.l10n.t('Node: {0}', plainText(n, 100)), 'server')),
    );
    if (m.since !== undefined) {
      rows.push(
        new MessageNode(
          `${base}/since`,
          this,
          vscode.l10n.t('Observing since {0} ({1})', toIso(m.since), formatRelative(m.since, now)),
          'history',
        ),
      );
    }
    const counts = countWords(m);
    if (counts) rows.push(new MessageNode(`${base}/count`, this, counts, 'pulse'));
    if (m.limits.length > 0) rows.push(new LimitsNode(`${base}/limits`, this, m.kind, m.limits));
    this.children = rows;
  }

  getTreeItem(): vscode.TreeItem {
    const m = this.model;
    const item = new vscode.TreeItem(
      `${brokerName(m.kind)}${m.broker ? ` ${plainText(m.broker, 80)}` : ''}`,
      m.problems.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    const nodes = m.nodes.length > 1 ? vscode.l10n.t('{0} nodes', m.nodes.length) : undefined;
    const problems = m.problems.length > 0 ? vscode.l10n.t('{0} problem(s)', m.problems.length) : undefined;
    item.description = [problems, countWords(m), nodes].filter(Boolean).join(' · ');
    item.iconPath =
      m.problems.length > 0
        ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
        : new vscode.ThemeIcon('radio-tower');
    item.tooltip = vscode.l10n.t('The broker this platform server observes (platform-contract.md §7)');
    item.contextValue = 'source';
    return item;
  }

  loadedChildren(): readonly ClientsNode[] {
    return this.children;
  }

  getChildren(): ClientsNode[] {
    return this.children;
  }
}

/** A problem: what is wrong in words (with "problem" in the accessible label), its fix lines as children. */
export class SourceProblemNode implements ClientsNode {
  constructor(
    readonly id: string,
    readonly parent: ClientsNode,
    readonly problem: SourceProblem,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const p = this.problem;
    const title = problemTitle(p);
    const hasChildren = p.fix.length > 0 || p.code === 'source.refused';
    const item = new vscode.TreeItem(
      title,
      hasChildren ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = this.id;
    if (p.code.startsWith('source.') && p.message) item.description = plainText(p.message, 200);
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    const fix =
      p.fix.length > 0 ? `\n\n${vscode.l10n.t('Fix:')}\n${p.fix.map((l) => plainText(l, 300)).join('\n')}` : '';
    item.tooltip = `${title}${p.message && p.code.startsWith('source.') ? `\n${plainText(p.message, 500)}` : ''}${fix}`;
    item.accessibilityInformation = { label: vscode.l10n.t('Problem: {0}', title) };
    item.contextValue = p.fix.length > 0 ? 'sourceProblem;hasFix' : 'sourceProblem';
    return item;
  }

  getChildren(): ClientsNode[] {
    if (this.problem.code === 'source.refused') {
      return [
        new ActionNode(
          `${this.id}/again`,
          this,
          vscode.l10n.t('Watch the broker again with another user or password…'),
          'key',
          {
            command: Command.watchBroker,
            title: vscode.l10n.t('Watch a Broker…'),
          },
        ),
      ];
    }
    return this.problem.fix.map(
      (line, i) => new MessageNode(`${this.id}/fix/${i}`, this, plainText(line, 300), 'edit'),
    );
  }
}

class LimitsNode implements ClientsNode {
  constructor(
    readonly id: string,
    readonly parent: ClientsNode,
    private readonly kind: string,
    private readonly limits: readonly SourceLimit[],
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(
      vscode.l10n.t('What {0} cannot tell', brokerName(this.kind)),
      vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('info');
    item.contextValue = 'sourceLimits';
    return item;
  }

  getChildren(): ClientsNode[] {
    return this.limits.map((l) => new MessageNode(`${this.id}/${l}`, this, limitWords(l), 'circle-slash'));
  }
}

/** The fix lines of a problem row (Copy the Fix), or undefined for anything else. */
export function fixOf(arg: unknown): readonly string[] | undefined {
  return arg instanceof SourceProblemNode && arg.problem.fix.length > 0 ? arg.problem.fix : undefined;
}
