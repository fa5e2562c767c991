// Words for the watcher's notifications and status: one line per transition, one per storm.
// Plain text (see core/clientWords.ts): names and reasons from devices are made safe and short.

import { clientLabel, closeWords } from '../clientWords';
import { formatDuration } from '../timeWords';
import type { PresenceChange, PresenceTransition } from './presence';
import type { StormSummary } from './storm';

/** "sensor-7 disconnected: keep-alive timed out (network, code 160)". */
export function transitionWords(t: PresenceTransition): string {
  const name = clientLabel(t.clientId);
  const e = t.event;
  switch (t.change) {
    case 'disconnected':
      return e.kind === 'disconnected' ? `${name} disconnected: ${closeWords(e)}` : `${name} disconnected`;
    case 'failedConnect':
      return e.kind === 'failedConnect' ? `${name} failed to connect: ${closeWords(e)}` : `${name} failed to connect`;
    case 'takeover':
      return `${name}: session taken over by a newer connection with the same client id (code 288); still connected`;
    case 'reconnected':
      return `${name} reconnected`;
    case 'connected':
      return `${name} connected`;
  }
}

const CHANGE_WORDS: Record<PresenceChange, string> = {
  disconnected: 'disconnected',
  failedConnect: 'failed to connect',
  reconnected: 'reconnected',
  connected: 'connected',
  takeover: 'taken over',
};

/** "12 changes in 8 s: 7 disconnected, 5 reconnected — sensor-1, sensor-2, sensor-3 and 4 more". */
export function stormWords(storm: StormSummary<PresenceTransition>): string {
  const counts = new Map<PresenceChange, number>();
  for (const t of storm.items) counts.set(t.change, (counts.get(t.change) ?? 0) + 1);
  const sampled = storm.items.length < storm.count ? ` (first ${storm.items.length})` : '';
  const breakdown = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${n} ${CHANGE_WORDS[c]}`)
    .join(', ');
  const names = [...new Set(storm.items.map((t) => clientLabel(t.clientId)))];
  const shown = names.slice(0, 3).join(', ');
  const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
  const span = formatDuration(storm.to - storm.from).replace('< 1 s', 'under a second');
  return (
    `${storm.count} changes in ` +
    `${span}${breakdown ? `: ${breakdown}${sampled}` : ''}${shown ? ` — ${shown}${more}` : ''}`
  );
}
