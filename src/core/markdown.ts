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
