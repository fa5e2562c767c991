// After every reconnect of the watcher's own link: each pinned client is reconciled against the
// state API (and devices against their connection log), so changes missed offline are reported,
// not lost (platform/monitor/reconcile). One reconciliation at a time, in order: a second
// reconnect waits for the first, whose window it does not cover. Clients whose records could not
// be read are tried again with backoff, over the same window, a few times; then it is a problem
// shown until a later reconnect succeeds.

import type { ClientState } from '../../core/clientState';
import type { PresenceTransition } from '../../core/presence/presence';
import { backoffDelay, type BackoffOptions } from '../../platform/backoff';
import { isPlatformError } from '../../platform/errors';
import type { PlatformLog } from '../../platform/log';
import { reconcile } from '../../platform/monitor/reconcile';
import type { Reconnected } from '../../platform/monitor/types';
import type { ReconcileOutcome, WatcherProblem, WatcherRest } from './types';
import { messageOf } from '../../core/errors';

export interface ReconcileHost {
  readonly rest: WatcherRest;
  readonly log: PlatformLog;
  pinned(): string[];
  isPinned(clientId: string): boolean;
  applyState(record: ClientState): PresenceTransition[];
  done(outcome: ReconcileOutcome): void;
  problem(problem: WatcherProblem | undefined): void;
}

export const RECONCILE_RETRIES = 3;
export const RECONCILE_RETRY_BACKOFF: BackoffOptions = { initialMs: 5_000, maxMs: 60_000 };

export class Reconciler {
  private chain: Promise<void> = Promise.resolve();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: ReconcileHost,
    private readonly signal: AbortSignal,
    private readonly retry = RECONCILE_RETRY_BACKOFF,
  ) {}

  /** Reconciles the window of a `reconnected` event (after any reconciliation still running). */
  enqueue(event: Reconnected, only?: readonly string[], attempt = 0): Promise<void> {
    this.chain = this.chain.then(() => this.once(event, only, attempt));
    return this.chain;
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async once(event: Reconnected, only: readonly string[] | undefined, attempt: number): Promise<void> {
    if (this.signal.aborted) return;
    const { host } = this;
    const book = {
      pinned: () => (only ? only.filter((id) => host.isPinned(id)) : host.pinned()),
      applyState: (record: ClientState) => (host.isPinned(record.id) ? host.applyState(record) : []),
    };
    try {
      const report = await reconcile(host.rest, book, { ...event, signal: this.signal });
      const failed = report.failures.map((f) => f.clientId);
      host.done({
        offlineSince: event.offlineSince,
        offlineMs: event.offlineMs,
        missed: report.missed,
        transitions: report.transitions,
        failed,
      });
      if (failed.length === 0) return host.problem(undefined);
      const why = report.failures[0].error.message;
      if (attempt < RECONCILE_RETRIES) {
        const delay = backoffDelay(attempt + 1, this.retry);
        host.log.warn(
          `watcher: ${failed.length} pinned client(s) could not be reconciled (${why}); trying again in ${delay} ms`,
        );
        host.problem({ kind: 'reconcileFailed', failed: failed.length, retrying: true, detail: why });
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          void this.enqueue(event, failed, attempt + 1);
        }, delay);
        this.timers.add(timer);
      } else {
        host.log.error(`watcher: gave up reconciling ${failed.length} pinned client(s): ${why}`);
        host.problem({ kind: 'reconcileFailed', failed: failed.length, retrying: false, detail: why });
      }
    } catch (error) {
      if (this.signal.aborted || isPlatformError(error, 'cancelled')) return;
      host.log.error(`watcher: reconciliation failed: ${messageOf(error)}`);
      host.problem({ kind: 'reconcileError', detail: messageOf(error) });
    }
  }
}
