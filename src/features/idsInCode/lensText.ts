// The CodeLens above a line that holds a client id (no `vscode` import; unit-tested):
// `● connected 2 hr · 3 drops today (160 ×2, 91)`. The words come from the caller (the view passes
// localised ones); everything from documents or the wire is made plain and loses `$(icon)` syntax,
// which a CodeLens title would otherwise draw.
import { clientLabel } from '../../core/clientWords';
import { formatSpan } from '../../core/timeWords';
import { statusBarSafe } from '../watcher/statusText';
import type { DropTally } from './drops';
import type { Lookup } from './lookupTypes';

export interface LensWords {
  readonly pending: string;
  /** `{0}`: how long, e.g. "2 hr". */
  connected(since: string): string;
  disconnected(since: string): string;
  /** Without a time (the record gave none). */
  readonly connectedNow: string;
  readonly disconnectedNow: string;
  /** Less than a minute ago. */
  readonly connectedJustNow: string;
  readonly disconnectedJustNow: string;
  readonly statusUnknown: string;
  /** `{0}`: the platform's name. */
  notKnown(platform: string): string;
  readonly unreachable: string;
  /** `{0}`: the count ("3", "20+"); `{1}`: the codes ("160 ×2, 91"). */
  drops(count: string, codes: string): string;
  oneDrop(codes: string): string;
  /** A drop whose close code is not known. */
  readonly noCode: string;
}

export const ENGLISH_LENS_WORDS: LensWords = {
  pending: 'looking up…',
  connected: (since) => `connected ${since}`,
  disconnected: (since) => `disconnected ${since}`,
  connectedNow: 'connected',
  disconnectedNow: 'disconnected',
  connectedJustNow: 'connected just now',
  disconnectedJustNow: 'disconnected just now',
  statusUnknown: 'status unknown',
  notKnown: (platform) => `not known to platform ${platform}`,
  unreachable: 'unknown (platform unreachable)',
  drops: (count, codes) => `${count} drops today (${codes})`,
  oneDrop: (codes) => `1 drop today (${codes})`,
  noCode: '?',
};

const CODES_SHOWN = 4;

/** "160 ×2, 91": the codes of the day's drops, the most frequent first. */
export function dropCodes(tally: DropTally, words: LensWords = ENGLISH_LENS_WORDS): string {
  const shown = tally.codes
    .slice(0, CODES_SHOWN)
    .map(([code, n]) => `${code === undefined ? words.noCode : code}${n > 1 ? ` ×${n}` : ''}`);
  return tally.codes.length > CODES_SHOWN ? `${shown.join(', ')}, …` : shown.join(', ');
}

export function dropWords(tally: DropTally | undefined, words: LensWords = ENGLISH_LENS_WORDS): string | undefined {
  if (!tally || tally.total === 0) return undefined;
  const codes = dropCodes(tally, words);
  if (tally.total === 1 && !tally.atLeast) return words.oneDrop(codes);
  return words.drops(`${tally.total}${tally.atLeast ? '+' : ''}`, codes);
}

/** "2 h", "just now" (under a minute) or undefined (no time). */
function since(time: number | undefined, now: number): string | 'justNow' | undefined {
  if (time === undefined || !Number.isFinite(time)) return undefined;
  return now - time < 60_000 ? 'justNow' : formatSpan(now - time);
}

/** `● connected 2 hr · 3 drops today (160 ×2, 91)`, without the id. */
export function lensStatus(
  lookup: Lookup | undefined,
  now: number,
  platformName: string,
  words: LensWords = ENGLISH_LENS_WORDS,
): string {
  if (!lookup || lookup.kind === 'pending') return `… ${words.pending}`;
  if (lookup.kind === 'notFound') return `? ${words.notKnown(statusBarSafe(platformName, 60))}`;
  if (lookup.kind === 'unreachable') return `? ${words.unreachable}`;
  const { state } = lookup;
  let head: string;
  if (state.status === 'connected') {
    const s = since(state.lastConnectTime, now);
    head = `● ${s === 'justNow' ? words.connectedJustNow : s ? words.connected(s) : words.connectedNow}`;
  } else if (state.status === 'disconnected') {
    const s = since(state.lastDisconnectTime, now);
    head = `○ ${s === 'justNow' ? words.disconnectedJustNow : s ? words.disconnected(s) : words.disconnectedNow}`;
  } else head = `? ${words.statusUnknown}`;
  const drops = dropWords(lookup.drops, words);
  return drops ? `${head} · ${drops}` : head;
}

/** The lens title; with the client's short name first when its line holds several ids. */
export function lensTitle(
  clientId: string,
  lookup: Lookup | undefined,
  o: { readonly now: number; readonly platformName: string; readonly named: boolean; readonly words?: LensWords },
): string {
  const status = lensStatus(lookup, o.now, o.platformName, o.words);
  return o.named ? `${statusBarSafe(clientLabel(clientId), 40)}: ${status}` : status;
}
