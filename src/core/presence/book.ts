// The presence of every pinned client: routes monitor messages and state records to the right
// client by its id, and ignores the rest (wildcard subscriptions deliver unpinned clients too).

import type { ClientState } from '../clientState';
import { parseMonitorPayload, type MonitorMessage } from '../monitor';
import { Presence, type PresenceSnapshot, type PresenceStatus, type PresenceTransition } from './presence';

export type PayloadResult =
  { readonly ok: true; readonly transitions: PresenceTransition[] } | { readonly ok: false; readonly error: string };

export class PresenceBook {
  private readonly clients = new Map<string, Presence>();

  /** Pinning again keeps what is known. */
  pin(clientId: string): void {
    if (!this.clients.has(clientId)) this.clients.set(clientId, new Presence(clientId));
  }

  unpin(clientId: string): void {
    this.clients.delete(clientId);
  }

  isPinned(clientId: string): boolean {
    return this.clients.has(clientId);
  }

  pinned(): string[] {
    return [...this.clients.keys()];
  }

  applyMonitor(message: MonitorMessage, retained: boolean, receivedAt: number): PresenceTransition[] {
    const id = typeof message === 'object' && message !== null ? message.ClientID : undefined;
    const presence = typeof id === 'string' ? this.clients.get(id) : undefined;
    return presence ? presence.applyMonitor(message, retained, receivedAt) : [];
  }

  /** A raw monitor payload: refused with a reason when it is not a monitor message (platform-contract.md §4.2). */
  applyPayload(payload: Uint8Array | string, retained: boolean, receivedAt: number): PayloadResult {
    const parsed = parseMonitorPayload(payload);
    if (!parsed.ok) return parsed;
    return { ok: true, transitions: this.applyMonitor(parsed.message, retained, receivedAt) };
  }

  applyState(state: ClientState): PresenceTransition[] {
    return this.clients.get(state.id)?.applyState(state) ?? [];
  }

  get(clientId: string): PresenceSnapshot | undefined {
    return this.clients.get(clientId)?.snapshot();
  }

  snapshot(): PresenceSnapshot[] {
    return [...this.clients.values()].map((p) => p.snapshot());
  }

  counts(): Record<PresenceStatus, number> {
    const counts: Record<PresenceStatus, number> = { connected: 0, disconnected: 0, unknown: 0 };
    for (const p of this.clients.values()) counts[p.snapshot().status]++;
    return counts;
  }
}
