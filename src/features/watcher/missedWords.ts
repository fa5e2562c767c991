// Words for what reconciliation found after the watcher's own connection was down (no `vscode`
// import; unit-tested): "While the watcher was offline (40 s): sensor-7 disconnected (keep-alive
// timed out (network, code 160)), then connected; valve-2 failed to connect (not authorized …)".

import { clientLabel, closeWords } from '../../core/clientWords';
import type { ConnectivityEvent } from '../../core/events/types';
import { formatDuration } from '../../core/timeWords';

const CLIENTS_SHOWN = 3;
const EVENTS_SHOWN = 4;

function stepWords(e: ConnectivityEvent): string {
  switch (e.kind) {
    case 'connected':
      return 'connected';
    case 'disconnected':
      return e.cause === 'takeover'
        ? 'was taken over by a newer connection (288), still connected'
        : `disconnected (${closeWords(e)})`;
    case 'failedConnect':
      return `failed to connect (${closeWords(e)})`;
    case 'other':
      return 'did something not understood';
  }
}

/** Whether the missed events hold something the person would have been told live. */
export function missedAlerts(missed: ReadonlyMap<string, readonly ConnectivityEvent[]>): boolean {
  for (const events of missed.values()) {
    if (events.some((e) => e.kind === 'failedConnect' || (e.kind === 'disconnected' && e.cause !== 'takeover'))) {
      return true;
    }
  }
  return false;
}

export function missedWords(
  missed: ReadonlyMap<string, readonly ConnectivityEvent[]>,
  offlineMs: number,
): string | undefined {
  const changed = [...missed].filter(([, events]) => events.some((e) => e.kind !== 'other'));
  if (changed.length === 0) return undefined;
  const parts = changed.slice(0, CLIENTS_SHOWN).map(([id, events]) => {
    const steps = events.filter((e) => e.kind !== 'other');
    const shown = steps.slice(0, EVENTS_SHOWN).map(stepWords).join(', then ');
    const more = steps.length > EVENTS_SHOWN ? ` and ${steps.length - EVENTS_SHOWN} more changes` : '';
    return `${clientLabel(id)} ${shown}${more}`;
  });
  const others = changed.length > CLIENTS_SHOWN ? `; and ${changed.length - CLIENTS_SHOWN} more clients changed` : '';
  return `While the watcher was offline (${formatDuration(offlineMs)}): ${parts.join('; ')}${others}`;
}
