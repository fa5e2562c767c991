// The REST calls a sandbox process answered, read from its log lines
// (`2026-12-03T12:00:00.000Z info [http] GET /api/v0002/… → 200 (1.2 ms)`, src/server/http/handler.ts).

export interface LoggedCall {
  /** When the sandbox logged it (epoch ms). */
  readonly at: number;
  readonly method: string;
  /** Path and query, as logged. */
  readonly path: string;
  readonly status: number;
}

const LINE = /^(\S+Z) \S+ \[[^\]]*\] (GET|POST|PUT|PATCH|DELETE) (\S+) → (\d{3}) /;

export function callsOf(log: string): LoggedCall[] {
  const out: LoggedCall[] = [];
  for (const line of log.split('\n')) {
    const m = LINE.exec(line);
    if (m) out.push({ at: Date.parse(m[1]), method: m[2], path: m[3], status: Number(m[4]) });
  }
  return out;
}

/** The most calls within any one second. */
export function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** What a lookup call was, by its path: one record, a listing, a page of a device's log. */
export function kindOf(path: string): 'state' | 'list' | 'log' | 'other' {
  if (/\/clientconnectionstates\//.test(path)) return 'state';
  if (/\/clientconnectionstates(\?|"|$)/.test(path)) return 'list';
  if (/\/logs\/connection/.test(path)) return 'log';
  return 'other';
}
