// The person's language, for code that does not know VS Code (core, features, the timeline page):
// words through @vscode/l10n, loaded with the bundle the host gives (vscode.l10n.bundle); numbers
// and plurals through Intl in the same language. Until the host calls useLanguage — and in the
// platform server, which never does — everything is English. A language the extension has no
// bundle for stays English throughout: no German numbers inside English sentences.

import * as l10n from '@vscode/l10n';

export type L10nBundle = Readonly<Record<string, string | { message: string; comment: string[] }>>;

let current = 'en';
const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** A BCP 47 tag Intl accepts, or English. */
function intlLocale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** `language`: vscode.env.language; `bundle`: vscode.l10n.bundle (undefined when there is none for it). */
export function useLanguage(language: string, bundle: L10nBundle | undefined): void {
  l10n.config({ contents: bundle ? { ...bundle } : {} });
  current = bundle ? intlLocale(language) : 'en';
}

/** The locale for Intl: the language whose words are in use. */
export function wordsLocale(): string {
  return current;
}

/** "1,234" / "1.234". */
export function formatCount(n: number): string {
  let f = numbers.get(current);
  if (!f) numbers.set(current, (f = new Intl.NumberFormat(current)));
  return f.format(n);
}

/** "connected or disconnected" / "connected ou disconnected": values the person may type, as a choice. */
export function formatChoice(values: readonly string[]): string {
  return new Intl.ListFormat(current, { type: 'disjunction' }).format(values);
}

/**
 * The form for `n` by the language's plural rules: `one` where they say one (English 1; Portuguese 0 and 1), `other`
 * otherwise. Both are worded by the caller with l10n.t, each a whole sentence.
 */
export function plural(n: number, one: string, other: string): string {
  let rules = plurals.get(current);
  if (!rules) plurals.set(current, (rules = new Intl.PluralRules(current)));
  return rules.select(n) === 'one' ? one : other;
}
