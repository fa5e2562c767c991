// The header's figures for the visible range, in words: current status, uptime, sessions, median
// session length, failed attempts, disconnects by cause and the flapping warning (core/summary).

import type { ConnectionStatus } from '../../../core/clientState';
import { DISCONNECT_CAUSES, type DisconnectCause } from '../../../core/events/types';
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
    summary.uptimeRatio === undefined ? 'not measured (no history in the range)' : formatPercent(summary.uptimeRatio);
  const figures: Figure[] = [
    { id: 'uptime', label: 'Uptime', value: uptime },
    { id: 'sessions', label: 'Sessions', value: String(summary.sessions) },
    {
      id: 'median',
      label: 'Median session',
      value: summary.medianSessionMs === undefined ? '—' : formatDuration(summary.medianSessionMs),
    },
    { id: 'failed', label: 'Failed attempts', value: String(summary.failedAttempts) },
  ];
  const causes = DISCONNECT_CAUSES.map((cause) => ({ cause, count: summary.disconnectsByCause[cause] })).filter(
    (c) => c.count > 0,
  );
  const f = summary.flapping;
  const flapping =
    f.flapping && f.windowStart !== undefined && f.windowEnd !== undefined
      ? `Flapping: ${f.maxConnects} connects within ${formatDuration(f.windowMs)} (from ` +
        `${formatLocal(f.windowStart, offsetMs).slice(0, 19)} to ` +
        `${formatLocal(f.windowEnd, offsetMs).slice(11, 19)}). A reconnect loop: look for a shared client id, a ` +
        `crash on start, or a keep-alive shorter than the device's busy periods.`
      : undefined;
  return { status: summary.status, figures, causes, ...(flapping ? { flapping } : {}), summary };
}
