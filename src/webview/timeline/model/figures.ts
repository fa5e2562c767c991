// The header's figures for the visible range, in words: current status, uptime, sessions, median
// session length, failed attempts, disconnects by cause and the flapping warning (core/summary).

import * as l10n from '@vscode/l10n';
import type { ConnectionStatus } from '../../../core/clientState';
import { DISCONNECT_CAUSES, type DisconnectCause } from '../../../core/events/types';
import { formatCount } from '../../../core/l10n';
import { summarize, type Summary } from '../../../core/summary';
import { formatDuration, formatPercent } from '../../../core/timeWords';
import type { Dataset } from './dataset';
import { formatLocal } from './scale';
import type { TimeWindow } from './window';

export interface Figure {
  readonly id: string;
  readonly label: string;
  readonly value: string;
}

export interface Figures {
  readonly status: ConnectionStatus | 'unknown';
  readonly figures: readonly Figure[];
  readonly causes: readonly { readonly cause: DisconnectCause; readonly count: number }[];
  /** A sentence when the client flapped in the range. */
  readonly flapping?: string;
  readonly summary: Summary;
}

export function figuresFor(
  data: Dataset,
  w: TimeWindow,
  status: ConnectionStatus | 'unknown',
  now: number,
  offsetMs: number,
): Figures {
  const summary = summarize(data.history, { from: w.from, to: w.to, now, status });
  const uptime =
    summary.uptimeRatio === undefined
      ? l10n.t('not measured (no history in the range)')
      : formatPercent(summary.uptimeRatio);
  const figures: Figure[] = [
    { id: 'uptime', label: l10n.t('Uptime'), value: uptime },
    { id: 'sessions', label: l10n.t('Sessions'), value: formatCount(summary.sessions) },
    {
      id: 'median',
      label: l10n.t('Median session'),
      value: summary.medianSessionMs === undefined ? '—' : formatDuration(summary.medianSessionMs),
    },
    { id: 'failed', label: l10n.t('Failed attempts'), value: formatCount(summary.failedAttempts) },
  ];
  const causes = DISCONNECT_CAUSES.map((cause) => ({ cause, count: summary.disconnectsByCause[cause] })).filter(
    (c) => c.count > 0,
  );
  const f = summary.flapping;
  const flapping =
    f.flapping && f.windowStart !== undefined && f.windowEnd !== undefined
      ? l10n.t(
          'Flapping: {0} connects within {1} (from {2} to {3}). A reconnect loop: look for a shared client id, a ' +
            "crash on start, or a keep-alive shorter than the device's busy periods.",
          formatCount(f.maxConnects),
          formatDuration(f.windowMs),
          formatLocal(f.windowStart, offsetMs).slice(0, 19),
          formatLocal(f.windowEnd, offsetMs).slice(11, 19),
        )
      : undefined;
  return { status: summary.status, figures, causes, ...(flapping ? { flapping } : {}), summary };
}
