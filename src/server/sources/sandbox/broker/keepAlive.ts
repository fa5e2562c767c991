// The keep-alive of one aedes client, read and held from outside aedes (platform-contract.md §8): when its last
// packet came, when the broker will close it (160), and a hold that keeps it open while its
// program is paused at a breakpoint.
//
// aedes (1.x) arms one Node timer per client at CONNECT (`_keepaliveTimer`, firing after
// `_keepaliveInterval` = keep-alive × 1500 + 1 ms) and calls that timer's `refresh()` for every
// packet after CONNECT except DISCONNECT. When it fires, aedes emits `keepaliveTimeout` and closes
// the client. So the timer's own `refresh` is the exact moment of "a packet counted": this wraps
// it on the timer object (nothing in node_modules changes) to learn the last packet's time, and
// a hold refreshes the timer itself, often enough that it never fires, until the hold ends.

import type { Client } from 'aedes';

/** What aedes keeps on a client for its keep-alive; private to aedes, checked by keepAlive.test.ts. */
interface AedesKeepAlive {
  _keepaliveTimer: NodeJS.Timeout | null;
  _keepaliveInterval: number;
}

export interface KeepAliveView {
  /** From the client's CONNECT; 0 = no keep-alive, never closed for silence. */
  keepAliveSeconds: number;
  /** Epoch ms of the last packet that reset the keep-alive (CONNECT at first). */
  lastPacketTime: number;
  /**
   * Epoch ms at which the broker closes it with 160 unless a packet arrives; null: never.
   * While held: the hold's end + the window.
   */
  deadline: number | null;
  held: boolean;
  /** Epoch ms at which the hold ends by itself; null when not held. */
  heldUntil: number | null;
}

export type HoldEnd = 'released' | 'expired';

export interface KeepAliveHooks {
  /** A hold began or was renewed (the log's "Keep-alive held for {n} s"). */
  onHold?(seconds: number): void;
  /** A hold ended (the log's "Keep-alive hold released"). */
  onRelease?(why: HoldEnd): void;
  now?(): number;
}

/** Whether aedes keeps this client's keep-alive the way this module reads it. */
export function readableKeepAlive(client: Client): boolean {
  const c = client as unknown as Partial<AedesKeepAlive>;
  return (
    typeof c._keepaliveInterval === 'number' &&
    (c._keepaliveInterval <= 0 || typeof c._keepaliveTimer?.refresh === 'function')
  );
}

export class KeepAliveWatch {
  private last: number;
  private holdTimer?: NodeJS.Timeout;
  private holdEnds?: NodeJS.Timeout;
  private until: number | null = null;
  private readonly timer: NodeJS.Timeout | null;
  private readonly intervalMs: number;
  private readonly now: () => number;

  /** Call once aedes has armed the timer: at the broker's `client` event. */
  constructor(
    private readonly client: Client,
    private readonly hooks: KeepAliveHooks = {},
  ) {
    const k = client as unknown as AedesKeepAlive;
    this.now = hooks.now ?? Date.now;
    this.last = this.now();
    this.intervalMs = k._keepaliveInterval > 0 ? k._keepaliveInterval : 0;
    this.timer = this.intervalMs > 0 ? k._keepaliveTimer : null;
    if (this.timer) {
      const timer = this.timer;
      const refresh = timer.refresh.bind(timer);
      timer.refresh = () => {
        this.last = this.now();
        return refresh();
      };
    }
  }

  view(): KeepAliveView {
    const keepAliveSeconds = this.intervalMs > 0 ? (this.intervalMs - 1) / 1500 : 0;
    const from = this.until ?? this.last;
    return {
      keepAliveSeconds,
      lastPacketTime: this.last,
      deadline: this.timer ? from + this.intervalMs : null,
      held: this.until !== null,
      heldUntil: this.until,
    };
  }

  /** Suspends the 160 for `seconds` from now (a renewed hold replaces the old one). */
  hold(seconds: number): KeepAliveView {
    this.stopHolding();
    this.until = this.now() + seconds * 1000;
    if (this.timer) {
      // Refreshed at a third of the window, so a late turn of the event loop cannot let it fire.
      this.refreshTimer();
      this.holdTimer = setInterval(() => this.keep(), Math.max(100, Math.floor(this.intervalMs / 3)));
      this.holdTimer.unref();
    }
    this.holdEnds = setTimeout(() => this.release('expired'), seconds * 1000);
    this.holdEnds.unref();
    this.hooks.onHold?.(seconds);
    return this.view();
  }

  /** Ends a hold: the client then has a whole window from now to send its next packet. */
  release(why: HoldEnd = 'released'): KeepAliveView {
    if (this.until === null) return this.view();
    this.stopHolding();
    this.until = null;
    if (this.timer && !this.client.closed) this.refreshTimer();
    this.hooks.onRelease?.(why);
    return this.view();
  }

  /** The client has gone: stop any hold without telling anyone. */
  dispose(): void {
    this.stopHolding();
    this.until = null;
  }

  private keep(): void {
    if (this.client.closed) return this.dispose();
    this.refreshTimer();
  }

  /** Refreshes aedes' timer without counting it as a packet of the client's. */
  private refreshTimer(): void {
    const last = this.last;
    this.timer?.refresh();
    this.last = last;
  }

  private stopHolding(): void {
    clearInterval(this.holdTimer);
    clearTimeout(this.holdEnds);
    this.holdTimer = undefined;
    this.holdEnds = undefined;
  }
}
