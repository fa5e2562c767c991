// When the watcher speaks up (no `vscode` import; unit-tested). `iotConnectivity.notify`:
// `whileDebugging` (only while a debug session runs), `always`, or `never`. Disconnects and failed
// connects are notified; reconnects are quieter: the status bar only, unless the same client's
// disconnect was notified — then one information message says it is back, closing the story the
// person saw begin. Takeovers (288) stay in the status bar. Storms (5 in 10 s) become one summary.

import type { PresenceTransition } from '../../core/presence/presence';
import { StormCoalescer, type StormOptions, type StormSummary } from '../../core/presence/storm';

/** The values of `iotConnectivity.notify`. */
export const NOTIFY_MODES = ['whileDebugging', 'always', 'never'] as const;
export type NotifyMode = (typeof NOTIFY_MODES)[number];
export const DEFAULT_NOTIFY_MODE: NotifyMode = 'whileDebugging';

export function isNotifyMode(value: unknown): value is NotifyMode {
  return (NOTIFY_MODES as readonly unknown[]).includes(value);
}

export function readNotifyMode(value: unknown): NotifyMode {
  return isNotifyMode(value) ? value : DEFAULT_NOTIFY_MODE;
}

export function notifyAllowed(mode: NotifyMode, debugging: boolean): boolean {
  return mode === 'always' || (mode === 'whileDebugging' && debugging);
}

/** What to tell, as facts: the notifier words it (noticeWords.ts). */
export type WatcherNotice =
  | {
      readonly kind: 'transition';
      readonly level: 'warning' | 'info';
      readonly transition: PresenceTransition;
      readonly clientId: string;
    }
  | {
      readonly kind: 'storm';
      readonly level: 'warning';
      readonly summary: StormSummary<PresenceTransition>;
      readonly clientIds: readonly string[];
    };

export class NotificationPolicy {
  private readonly storm: StormCoalescer<PresenceTransition>;
  /** Clients whose disconnect (or failed connect) was told and whose return was not yet. */
  private readonly toldDown = new Set<string>();

  constructor(options: StormOptions = {}) {
    this.storm = new StormCoalescer(options);
  }

  /** The notice to show now for a live transition, or undefined (status bar only, or held for a storm summary). */
  offer(t: PresenceTransition, allowed: boolean, now: number): WatcherNotice | undefined {
    const back = t.change === 'reconnected' || t.change === 'connected';
    // A return the person was not told of closes the story too: a later one is not announced.
    if (!allowed && back) this.toldDown.delete(t.clientId);
    if (!allowed || t.notify === 'none') return undefined;
    if (t.notify === 'quiet' && !(back && this.toldDown.has(t.clientId))) return undefined;
    if (back) this.toldDown.delete(t.clientId);
    const passed = this.storm.offer(t, now);
    if (!passed) return undefined;
    if (t.notify === 'alert') this.toldDown.add(t.clientId);
    return {
      kind: 'transition',
      level: t.notify === 'alert' ? 'warning' : 'info',
      transition: t,
      clientId: t.clientId,
    };
  }

  /** A storm's summary once it is due (ask again at nextDue()). */
  poll(now: number): WatcherNotice | undefined {
    const summary = this.storm.poll(now);
    return summary && this.summaryNotice(summary);
  }

  nextDue(): number | undefined {
    return this.storm.nextDue();
  }

  /** What is still held, at once (on dispose or when notifications are switched off). */
  flush(): WatcherNotice | undefined {
    const summary = this.storm.flush();
    return summary && this.summaryNotice(summary);
  }

  /** Forget a client (unpinned): its return will not be announced. */
  forget(clientId: string): void {
    this.toldDown.delete(clientId);
  }

  private summaryNotice(summary: StormSummary<PresenceTransition>): WatcherNotice {
    // A held disconnect was told in the summary: its return may be told too.
    for (const t of summary.items) {
      if (t.notify === 'alert') this.toldDown.add(t.clientId);
      else if (t.change === 'reconnected' || t.change === 'connected') this.toldDown.delete(t.clientId);
    }
    return { kind: 'storm', level: 'warning', summary, clientIds: [...new Set(summary.items.map((t) => t.clientId))] };
  }
}
