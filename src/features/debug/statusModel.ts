// What the debug status-bar item says (no `vscode` import): the most urgent client of the debug
// sessions — the paused one closest to being dropped — with its countdown, "held", or that it was
// dropped; how many other clients the sessions have; and warning colours in the last 10 s.

import type { ClientRow, FamilyRow } from './rows';
import { pauseWords, words, type Words } from './words';

export interface DebugStatus {
  readonly icon: 'debug-alt' | 'debug-pause' | 'warning' | 'debug-disconnect';
  readonly clientId: string;
  readonly state: Words;
  /** Other clients of the sessions. */
  readonly others: number;
  readonly background?: 'warning' | 'error';
}

/** Lower is more urgent. */
function urgency(c: ClientRow): number {
  if (!c.pause) return 1e9;
  if (!c.connected) return -1;
  const d = c.pause.countdown;
  return d.kind === 'exact' || d.kind === 'bound' ? d.secondsLeft : 1e8;
}

export function debugStatus(families: readonly FamilyRow[]): DebugStatus | undefined {
  const clients = families.flatMap((f) => f.clients);
  if (clients.length === 0) return undefined;
  const top = clients.reduce((a, b) => (urgency(b) < urgency(a) ? b : a));
  const others = clients.length - 1;
  if (!top.pause) {
    return {
      icon: 'debug-alt',
      clientId: top.clientId,
      state: words(top.connected ? 'connected' : 'disconnected'),
      others,
    };
  }
  const d = top.pause.countdown;
  const state = pauseWords(d, top.connected);
  if (!top.connected) return { icon: 'debug-disconnect', clientId: top.clientId, state, others, background: 'error' };
  const warning = (d.kind === 'exact' || d.kind === 'bound') && d.warning;
  return {
    icon: warning ? 'warning' : 'debug-pause',
    clientId: top.clientId,
    state,
    others,
    background: warning ? 'warning' : undefined,
  };
}
