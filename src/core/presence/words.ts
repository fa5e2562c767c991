// Words for the watcher's notifications and status, in the person's language (core/l10n.ts): one
// line per transition, one per storm. Plain text (see core/clientWords.ts): names and reasons from
// devices are made safe and short.

import * as l10n from '@vscode/l10n';
import { clientLabel, closeWords } from '../clientWords';
import { formatCount, plural } from '../l10n';
import { formatDuration } from '../timeWords';
import type { PresenceChange, PresenceTransition } from './presence';
import type { StormSummary } from './storm';

/** "sensor-7 disconnected: keep-alive timed out (network, code 160)". */
export function transitionWords(t: PresenceTransition): string {
  const name = clientLabel(t.clientId);
  const e = t.event;
  switch (t.change) {
    case 'disconnected':
      return e.kind === 'disconnected'
        ? l10n.t('{0} disconnected: {1}', name, closeWords(e))
        : l10n.t('{0} disconnected', name);
    case 'failedConnect':
      return e.kind === 'failedConnect'
        ? l10n.t('{0} failed to connect: {1}', name, closeWords(e))
        : l10n.t('{0} failed to connect', name);
    case 'takeover':
      return l10n.t(
        '{0}: session taken over by a newer connection with the same client id (code 288); still connected',
        name,
      );
    case 'reconnected':
      return l10n.t('{0} reconnected', name);
    case 'connected':
      return l10n.t({ message: '{0} connected', args: [name], comment: ['one client, by its name'] });
  }
}

/** "7 disconnected": how many made one change, by the language's plural rules. */
function changeCount(change: PresenceChange, n: number): string {
  const c = formatCount(n);
  const forms = (one: string, other: string) => plural(n, one, other);
  switch (change) {
    case 'disconnected':
      return forms(l10n.t('{0} client disconnected', c), l10n.t('{0} clients disconnected', c));
    case 'failedConnect':
      return forms(l10n.t('{0} client failed to connect', c), l10n.t('{0} clients failed to connect', c));
    case 'reconnected':
      return forms(l10n.t('{0} client reconnected', c), l10n.t('{0} clients reconnected', c));
    case 'connected':
      return forms(l10n.t('{0} client connected', c), l10n.t('{0} clients connected', c));
    case 'takeover':
      return forms(l10n.t('{0} session taken over', c), l10n.t('{0} sessions taken over', c));
  }
}

/** "12 changes in 8 sec: 5 clients disconnected, 5 clients reconnected — sensor-1, sensor-2, sensor-3 and 4 more". */
export function stormWords(storm: StormSummary<PresenceTransition>): string {
  const counts = new Map<PresenceChange, number>();
  for (const t of storm.items) counts.set(t.change, (counts.get(t.change) ?? 0) + 1);
  const sampled =
    storm.items.length < storm.count ? ` ${l10n.t('(the first {0})', formatCount(storm.items.length))}` : '';
  const breakdown = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => changeCount(c, n))
    .join(', ');
  const names = [...new Set(storm.items.map((t) => clientLabel(t.clientId)))];
  const shown = names.slice(0, 3).join(', ');
  const who = names.length > 3 ? l10n.t('{0} and {1} more', shown, formatCount(names.length - 3)) : shown;
  const ms = storm.to - storm.from;
  const span = ms < 1000 ? l10n.t('under a second') : formatDuration(ms);
  const head = plural(
    storm.count,
    l10n.t('{0} change in {1}', formatCount(storm.count), span),
    l10n.t('{0} changes in {1}', formatCount(storm.count), span),
  );
  return `${head}${breakdown ? `: ${breakdown}${sampled}` : ''}${who ? ` — ${who}` : ''}`;
}
