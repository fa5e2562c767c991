// What a lookup of a client id found, and what the lookups need of a platform (no `vscode` import).
import type { ClientState } from '../../core/clientState';
import type { PlatformErrorKind } from '../../platform/errors';
import type { PlatformLog } from '../../platform/log';
import type { PlatformRestClient } from '../../platform/rest/client';
import type { DropTally } from './drops';

/**
 * `pending`: asked, no answer yet. `found`: the platform's record (and, for devices, today's drops
 * once counted). `notFound`: the platform does not know the id. `unreachable`: the platform could
 * not be asked (down, refusing the credentials, rate-limited…).
 */
export type Lookup =
  | { readonly kind: 'pending' }
  | { readonly kind: 'found'; readonly state: ClientState; readonly drops?: DropTally; readonly at: number }
  | { readonly kind: 'notFound'; readonly at: number }
  | { readonly kind: 'unreachable'; readonly at: number; readonly problem: LookupProblem };

export interface LookupProblem {
  readonly kind: PlatformErrorKind | 'unknown';
  /** The failure's words (may quote the platform: untrusted text). */
  readonly message: string;
}

/** The REST calls lookups make: one record, a page of records, a page of a device's log. */
export type LookupRest = Pick<PlatformRestClient, 'getClientState' | 'listClientStates' | 'getConnectionLog'>;

export interface LookupOptions {
  /** The lookups' own share of the platform's 10 calls/s (default 5): the rest stays for what a person asks. */
  readonly callsPerSecond?: number;
  /** How long a found record, or "not found", is fresh (default 5 min): re-asked only when wanted after that. */
  readonly freshMs?: number;
  /** How long after a failure an id may be asked again (default 30 s). */
  readonly retryMs?: number;
  /** Most ids kept (default 5,000; the least recently used go first). */
  readonly maxEntries?: number;
  /** Most ids waiting to be asked (default 1,000; the oldest wishes go first: they scrolled away). */
  readonly maxQueued?: number;
  /** Log pages read to count a device's drops today (default 3 of 20 entries). */
  readonly maxLogPages?: number;
  readonly now?: () => number;
  readonly log?: PlatformLog;
}

/** What a lookup cost: for tests and benchmarks. */
export interface LookupStats {
  /** Calls made, by kind. */
  readonly calls: { readonly state: number; readonly list: number; readonly log: number };
  /** Calls whose ids overlapped ids already in flight (must stay 0). */
  readonly overlapping: number;
  /** Until when a 429 holds every call (epoch ms; 0 when none did). */
  readonly heldUntil: number;
}
