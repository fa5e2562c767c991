// Untrusted text inside Markdown (no `vscode` import; unit-tested). Every ASCII punctuation
// character is backslash-escaped (CommonMark allows it for all of them), so no link, image,
// emphasis, HTML tag, entity or autolink can form; plainText first removes control and
// bidirectional characters, neutralises link syntax (so the text reads the same as in a
// notification) and bounds the length.

import { plainText } from './text';

const PUNCTUATION = /[!-/:-@[-`{-~]/g;

export function escapeMarkdown(text: string, max = 200): string {
  return plainText(text, max).replace(PUNCTUATION, '\\$&');
}

// What can start markup inside a line of prose (emphasis, code, links, images, HTML, entities,
// tables, strikethrough, headings' closing hashes); `:`, `.`, `-`, `/` and `@` cannot there.
const MARKUP = /[\\`*_[\]<>!#&|~(){}]/g;

/**
 * Untrusted text inside a Markdown line that a person also reads as source (a document opened in
 * an editor): only what can start markup is escaped, so `d:org:type:id` reads as it is written.
 */
export function escapeMarkdownReadable(text: string, max = 200): string {
  return plainText(text, max).replace(MARKUP, '\\$&');
}
