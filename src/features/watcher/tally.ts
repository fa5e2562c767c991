// Counts of the pinned clients by what the status bar says of them, kept up to date one client
// at a time (no `vscode` import; unit-tested): a transition of one client costs O(1), whatever the
// number of pins, so the status bar follows 500 changes a second over 1,000 pins.

import type { PresenceSnapshot } from '../../core/presence/presence';

/** `offline`: disconnected, or never seen connected but failing to connect. */
export type PinClass = 'connected' | 'offline' | 'unknown';

export function classify(s: PresenceSnapshot): PinClass {
  if (s.status === 'connected') return 'connected';
  if (s.status === 'disconnected' || s.lastFailure !== undefined) return 'offline';
  return 'unknown';
}

const RECENT = 8;

export interface TallyView {
  readonly total: number;
  readonly connected: number;
  readonly offline: number;
  readonly unknown: number;
  /** Up to `n` offline clients, the latest to go offline first. */
  offlineIds(n: number): string[];
}

export class PinTally implements TallyView {
  private readonly classes = new Map<string, PinClass>();
  /** Offline clients in the order they went offline. */
  private readonly down = new Set<string>();
  /** The last few to go offline (may include some that came back since). */
  private recent: string[] = [];
  private counts = { connected: 0, offline: 0, unknown: 0 };

  get total(): number {
    return this.classes.size;
  }
  get connected(): number {
    return this.counts.connected;
  }
  get offline(): number {
    return this.counts.offline;
  }
  get unknown(): number {
    return this.counts.unknown;
  }

  classOf(clientId: string): PinClass | undefined {
    return this.classes.get(clientId);
  }

  /** Records the client's state; true when its class changed. */
  set(snapshot: PresenceSnapshot): boolean {
    const next = classify(snapshot);
    const id = snapshot.clientId;
    const before = this.classes.get(id);
    if (before === next) return false;
    if (before !== undefined) this.counts[before]--;
    this.counts[next]++;
    this.classes.set(id, next);
    if (next === 'offline') {
      this.down.add(id);
      this.recent.push(id);
      if (this.recent.length > RECENT * 2) this.recent = this.recent.slice(-RECENT);
    } else this.down.delete(id);
    return true;
  }

  remove(clientId: string): void {
    const before = this.classes.get(clientId);
    if (before === undefined) return;
    this.counts[before]--;
    this.classes.delete(clientId);
    this.down.delete(clientId);
  }

  offlineIds(n: number): string[] {
    const out: string[] = [];
    for (let i = this.recent.length - 1; i >= 0 && out.length < n; i--) {
      const id = this.recent[i];
      if (this.down.has(id) && !out.includes(id)) out.push(id);
    }
    // Older drops, when the recent ones came back.
    for (const id of this.down) {
      if (out.length >= n) break;
      if (!out.includes(id)) out.push(id);
    }
    return out;
  }
}
