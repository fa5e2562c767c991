// Client ids in a document's text (no `vscode` import; unit-tested, benchmarked): ids of the
// platform's form, string values equal to an id the extension already knows for the active
// platform (whatever their form: observed brokers' ids too), and device ids next to their type.
// Linear in the text's length; nothing at all beyond MAX_DOCUMENT_CHARS.
import { formIds, type IdSpan } from './formIds';
import { bareValues, quotedValues, type TextValue } from './literals';
import { pairedIds } from './pairs';

/** How an id was recognised: by its form, as a known id, or as a device id next to its type. */
export type IdHow = 'form' | 'known' | 'pair';

export interface IdMatch extends IdSpan {
  readonly how: IdHow;
}

/** Documents longer than this (1 MiB of characters) are not read. */
export const MAX_DOCUMENT_CHARS = 1024 * 1024;

export interface KnownIds {
  has(clientId: string): boolean;
  /** How many ids are known: none means literals need not be read. */
  readonly size: number;
}

export interface RecogniseContext {
  readonly known: KnownIds;
  /** The active platform's organization, for device ids written next to their type. */
  readonly orgId?: string;
}

function knownValues(values: readonly TextValue[], known: KnownIds): IdMatch[] {
  const out: IdMatch[] = [];
  for (const v of values) {
    if (known.has(v.value)) out.push({ start: v.start, end: v.end, clientId: v.value, how: 'known' });
  }
  return out;
}

/** Sorted lists merged in order; a span that overlaps one kept before it is left out. */
function merge(lists: readonly (readonly IdMatch[])[]): IdMatch[] {
  const out: IdMatch[] = [];
  const at = lists.map(() => 0);
  for (;;) {
    let pick = -1;
    for (let i = 0; i < lists.length; i++) {
      const m = lists[i][at[i]];
      if (m && (pick < 0 || m.start < lists[pick][at[pick]].start)) pick = i;
    }
    if (pick < 0) return out;
    const m = lists[pick][at[pick]++];
    const last = out[out.length - 1];
    if (!last || m.start >= last.end) out.push(m);
  }
}

/** Every id in `text`, in order, without overlaps. Form first, then known, then paired, at one place. */
export function recogniseIds(text: string, context: RecogniseContext): IdMatch[] {
  if (typeof text !== 'string' || text.length > MAX_DOCUMENT_CHARS) return [];
  const form = formIds(text).map((s): IdMatch => ({ ...s, how: 'form' }));
  const anyKnown = context.known.size > 0;
  const quoted = anyKnown ? knownValues(quotedValues(text), context.known) : [];
  const bare = anyKnown ? knownValues(bareValues(text), context.known) : [];
  const paired = pairedIds(text, context.orgId).map((s): IdMatch => ({ ...s, how: 'pair' }));
  return merge([form, quoted, bare, paired]);
}

/** The match that holds `offset` (its end included: a cursor just after an id is on it). */
export function matchAt(matches: readonly IdMatch[], offset: number): IdMatch | undefined {
  let lo = 0;
  let hi = matches.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = matches[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset > m.end) lo = mid + 1;
    else return m;
  }
  return undefined;
}
