// Finds English left in a surface rendered in Brazilian Portuguese: the words of the English bundle
// (l10n/bundle.l10n.json, package.nls.json) whose translation says them differently, and the words
// Intl uses for times in English. Used by the unit test of the editor-free surfaces and by the UI
// test that shows the extension in pt-BR.
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot as root } from '../../scripts/vscode-web/paths';

export type Bundle = Record<string, string>;

export function readJson(...parts: string[]): Bundle {
  return JSON.parse(fs.readFileSync(path.join(root, ...parts), 'utf8')) as Bundle;
}

/** The English messages (key → English) and their pt-BR translations, host and manifest. */
export function bundles(): { en: Bundle; pt: Bundle } {
  return {
    en: { ...readJson('l10n', 'bundle.l10n.json'), ...readJson('package.nls.json') },
    pt: { ...readJson('l10n', 'bundle.l10n.pt-br.json'), ...readJson('package.nls.pt-br.json') },
  };
}

/** What Intl says of times in English only ("3 min. ago", "2 hr", "5 days", "just now" is a message). */
const INTL_ENGLISH = [/\bago\b/, /\b\d+ (?:hr|sec|days?)\b/, /\bin \d+ (?:min|hr|days?)\b/];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English phrases to look for: each message cut at its placeholders, icons and bold marks,
 * trimmed of punctuation; kept when it has two words or more (or is the whole message, a word
 * Portuguese does not use) and its translation does not say the same (names such as "IoT
 * Connectivity" or "MQTT" stay).
 */
export function englishPhrases(en: Bundle, pt: Bundle): string[] {
  const phrases = new Set<string>();
  // A word Portuguese uses too ("Continue", "Status") tells nothing on its own.
  const portuguese = new Set(Object.values(pt).flatMap((t) => t.split(/[^\p{L}]+/u)));
  for (const [key, message] of Object.entries(en)) {
    const translation = pt[key] ?? '';
    const pieces = message.split(/\{\d+\}|\$\([\w~-]+\)|\*\*/);
    for (const piece of pieces) {
      const phrase = piece.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
      if (!/[A-Za-z]{3}/.test(phrase) || translation.includes(phrase)) continue;
      const words = phrase.split(/\s+/).length;
      if (words >= 2 || (pieces.length === 1 && phrase.length >= 4 && !portuguese.has(phrase))) phrases.add(phrase);
    }
  }
  return [...phrases];
}

/** (text) → the English phrases and Intl words found in it (icons such as $(warning) aside), each once. */
export function englishFinder(en: Bundle, pt: Bundle): (text: string) => string[] {
  const patterns = englishPhrases(en, pt).map(
    (p) => [p, new RegExp(`(?<![\\p{L}\\d])${escape(p)}(?![\\p{L}\\d])`, 'u')] as const,
  );
  return (shown) => {
    const text = shown.replace(/\$\([\w~-]+\)/g, ' '); // icons are not words
    return [
      ...patterns.filter(([, re]) => re.test(text)).map(([p]) => p),
      ...INTL_ENGLISH.filter((re) => re.test(text)).map((re) => re.source),
    ];
  };
}
