// A client id's hover as Markdown (no `vscode` import; unit-tested): the headline of the Clients
// tree's tooltip (features/clients/tooltip.ts), today's drops, or why nothing is known; the links;
// then the tooltip's rows. Every text from a document or the wire is escaped (core/markdown.ts): no link,
// image or HTML can form from it. The only links are the actions' own `command:` links, whose
// labels come from the caller and whose destinations commandUri built.
import { clientLabel } from '../../core/clientWords';
import { escapeMarkdown } from '../../core/markdown';
import { tooltipMarkdown } from '../clients/tooltip';
import { dropWords, ENGLISH_LENS_WORDS, type LensWords } from './lensText';
import type { Lookup } from './lookupTypes';

export interface HoverWords {
  readonly lens: LensWords;
  /** `{0}`: the client's short name, `{1}`: the platform. */
  pending(name: string, platform: string): string;
  notKnown(name: string, platform: string): string;
  unreachable(name: string, platform: string): string;
  /** `{0}`: the failure. */
  problem(message: string): string;
  readonly noDropsToday: string;
}

export const ENGLISH_HOVER_WORDS: HoverWords = {
  lens: ENGLISH_LENS_WORDS,
  pending: (name, platform) => `Looking up ${name} on platform ${platform}…`,
  notKnown: (name, platform) => `${name} is not known to platform ${platform} (never connected, or not registered).`,
  unreachable: (name, platform) => `The state of ${name} is unknown: platform ${platform} could not be reached.`,
  problem: (message) => `Why: ${message}`,
  noDropsToday: 'No drops today.',
};

export interface HoverLink {
  readonly label: string;
  readonly uri: string;
}

export function hoverMarkdown(
  clientId: string,
  lookup: Lookup | undefined,
  o: {
    readonly now: number;
    readonly platformName: string;
    readonly links: readonly HoverLink[];
    readonly words?: HoverWords;
  },
): string {
  const words = o.words ?? ENGLISH_HOVER_WORDS;
  const name = escapeMarkdown(clientLabel(clientId), 80);
  const platform = escapeMarkdown(o.platformName, 60);
  const links = o.links.map((l) => `[${escapeMarkdown(l.label, 60)}](${l.uri})`).join(' · ');
  // The words are the caller's own; what is put into them was escaped above.
  const head: string[] = [];
  let details: string | undefined;
  if (!lookup || lookup.kind === 'pending') head.push(words.pending(name, platform));
  else if (lookup.kind === 'notFound') head.push(words.notKnown(name, platform), '', escapeMarkdown(clientId, 300));
  else if (lookup.kind === 'unreachable') {
    head.push(words.unreachable(name, platform), '', words.problem(escapeMarkdown(lookup.problem.message, 300)));
  } else {
    // The tooltip's headline, today's drops and the links first (a hover shows its top at once),
    // then every field of the record in the tooltip's words.
    const tooltip = tooltipMarkdown(lookup.state, o.now);
    const cut = tooltip.indexOf('\n\n');
    head.push(cut < 0 ? tooltip : tooltip.slice(0, cut));
    details = cut < 0 ? undefined : tooltip.slice(cut + 2);
    if (lookup.drops) head.push('', escapeMarkdown(dropWords(lookup.drops, words.lens) ?? words.noDropsToday, 200));
  }
  const lines = [...head, ...(links ? ['', links] : []), ...(details ? ['', '---', '', details] : [])];
  return lines.join('\n');
}
