// The debug sessions' clients on screen: every change of the loop schedules one render, which
// takes the rows once (features/debug/rows) and draws the tree group and the status-bar item from
// them; while any client's program is paused, a render every second counts down. A program that
// runs again is drawn running a moment later: a step stops it again before, so stepping neither
// flickers the status bar nor draws anything while the adapter is at work.
import * as vscode from 'vscode';
import { anyCountdown, familyRows, type FamilyRow } from '../../features/debug/rows';
import type { DebugLoop } from '../../features/debug/loop';
import type { ClientsTreeProvider } from '../clients/provider';
import type { DebugGroupNode } from './group';
import type { DebugStatusBar } from './statusBar';

const FRAME_MS = 100;
const TICK_MS = 1_000;
/** How long after a program runs again it is drawn running (a step is over well before). */
const RUNNING_AFTER_MS = 300;

export interface DebugRenderTargets {
  readonly group: DebugGroupNode;
  readonly statusBar: DebugStatusBar;
  readonly provider: Pick<ClientsTreeProvider, 'nodeChanged' | 'scheduleRefresh'>;
}

export class DebugRender implements vscode.Disposable {
  private readonly renderedEmitter = new vscode.EventEmitter<readonly FamilyRow[]>();
  /** After each render, with the rows shown. */
  readonly onDidRender = this.renderedEmitter.event;
  private timer?: ReturnType<typeof setTimeout>;
  private tick?: ReturnType<typeof setTimeout>;
  private last = 0;
  private readonly subscriptions: { dispose(): void }[];

  constructor(
    private readonly loop: DebugLoop,
    private readonly targets: DebugRenderTargets,
  ) {
    const schedule = () => this.schedule();
    this.subscriptions = [
      loop.sessions.on('run', (e) => this.schedule(e.change === 'resumed' ? RUNNING_AFTER_MS : 0)),
      loop.sessions.on('changed', schedule),
      loop.ownership.on('changed', schedule),
      loop.keeper.on('changed', schedule),
      loop.ledger.on('connected', (c) => loop.ownership.ownerOf(c.clientId) && schedule()),
      loop.ledger.on('dropped', (d) => loop.ownership.ownerOf(d.clientId) && schedule()),
    ];
  }

  /** Renders now (tests, and a new frame after a change). */
  render(): readonly FamilyRow[] {
    clearTimeout(this.tick);
    this.tick = undefined;
    this.last = Date.now();
    const rows = familyRows(this.loop, Date.now());
    const { group, statusBar, provider } = this.targets;
    const wasVisible = group.visible;
    group.families = rows;
    statusBar.update(rows);
    if (wasVisible !== group.visible) provider.scheduleRefresh();
    else if (group.visible) provider.nodeChanged(group);
    if (anyCountdown(rows)) this.tick = setTimeout(() => this.render(), TICK_MS);
    this.renderedEmitter.fire(rows);
    return rows;
  }

  /** One render at most every frame, and not before `delayMs`; one already on its way takes this change. */
  private schedule(delayMs = 0): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.render();
      },
      Math.max(delayMs, this.last + FRAME_MS - Date.now()),
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.tick);
    this.subscriptions.forEach((s) => s.dispose());
    this.renderedEmitter.dispose();
  }
}
