// Words for what reconciliation found after the watcher's own connection was down, in the
// person's language (no `vscode` import; unit-tested): "While the watcher was offline (40 sec):
// sensor-7 disconnected (keep-alive timed out (network, code 160)), then connected; valve-2 failed
// to connect (not authorized …)".

import * as l10n from '@vscode/l10n';
import { clientLabel, closeWords } from '../../core/clientWords';
import { formatCount, plural } from '../../core/l10n';
import type { ConnectivityEvent } from '../../core/events/types';
import { formatDuration } from '../../core/timeWords';

const CLIENTS_SHOWN = 3;
const EVENTS_SHOWN = 4;

function stepWords(e: ConnectivityEvent): string {
  switch (e.kind) {
    case 'connected':
      return l10n.t({ message: 'connected', comment: ['what a client did, after its name'] });
    case 'disconnected':
      return e.cause === 'takeover'
        ? l10n.t('was taken over by a newer connection (288), still connected')
        : l10n.t('disconnected ({0})', closeWords(e));
    case 'failedConnect':
      return l10n.t('failed to connect ({0})', closeWords(e));
    case 'other':
      return l10n.t('did something not understood');
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
    const shown = steps.slice(0, EVENTS_SHOWN).map(stepWords).join(l10n.t(', then '));
    const more = steps.length - EVENTS_SHOWN;
    const what =
      more > 0
        ? plural(
            more,
            l10n.t('{0} and {1} more change', shown, formatCount(more)),
            l10n.t('{0} and {1} more changes', shown, formatCount(more)),
          )
        : shown;
    return `${clientLabel(id)} ${what}`;
  });
  const others = changed.length - CLIENTS_SHOWN;
  const all =
    others > 0
      ? plural(
          others,
          l10n.t('{0}; and {1} more client changed', parts.join('; '), formatCount(others)),
          l10n.t('{0}; and {1} more clients changed', parts.join('; '), formatCount(others)),
        )
      : parts.join('; ');
  return l10n.t('While the watcher was offline ({0}): {1}', formatDuration(offlineMs), all);
}
