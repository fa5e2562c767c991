// Text from devices and the network, made safe to show as plain text: no control characters,
// no bidirectional overrides (which can make "evil" read as "live"), no link syntax a renderer
// would follow (neutraliseLinks), and a bounded length. Every helper that shows such text builds
// on plainText: escapeMarkdown (core/markdown.ts), quickPickText (core/quickPickText.ts). Only a
// medium that never makes links (the webview's textContent) takes plainLine, which keeps `<img` as sent.
// This is not escaping: callers still escape for their medium (Markdown, HTML).

// C0 and C1 control characters, DEL, and the line and paragraph separators (U+2028, U+2029: a
// renderer may break the line there); replaced by a space so words stay apart.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// Bidirectional marks, embeddings, overrides and isolates; dropped.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// Where a renderer needs two characters to touch, a thin space (U+2009) now stands between them:
// `](` (a Markdown link or image; VS Code's notifications, dialogs and quick input messages run
// `[label](command:…)` as a link), `<` before a letter, `/`, `!` or `?` (an autolink or HTML),
// `command:` before a non-space (a command URI) and `$(` (a codicon, which notifications and quick
// picks draw). What the person reads is the same text; nothing in it is clickable.
const LINK_JOINTS = /\](?=\()|<(?=[a-z/!?])|\bcommand(?=:\S)|\$(?=\()/gi;

/** `text` with its link syntax made inert (see above); idempotent. Used by plainText. */
export function neutraliseLinks(text: string): string {
  return text.replace(LINK_JOINTS, '$&\u2009');
}

// The thin spaces neutraliseLinks put in, and only those.
const INERT_JOINTS = /(\](?=\u2009\()|<(?=\u2009[a-z/!?])|\bcommand(?=\u2009:\S)|\$(?=\u2009\())\u2009/gi;

/**
 * Words built for notifications (plainText, so with inert links) as the device sent them, for a
 * medium that never makes links (the webview's textContent): neutraliseLinks undone.
 */
export function linksAsSent(text: string): string {
  return text.replace(INERT_JOINTS, '$1');
}

/** `text` as one safe line of at most `max` characters (an ellipsis marks a cut), its links inert. */
export function plainText(text: string, max = 200): string {
  return boundedLine(text, max, neutraliseLinks);
}

/**
 * `text` as one line of at most `max` characters, for a medium that shows it as text and never as
 * markup or links (a DOM node's textContent): what the device sent, less control and bidi characters.
 */
export function plainLine(text: string, max = 200): string {
  return boundedLine(text, max, (t) => t);
}

function boundedLine(text: string, max: number, inert: (text: string) => string): string {
  if (typeof text !== 'string') return '';
  const limit = Math.max(1, max);
  // Only the head can be shown; never scan a megabyte for it.
  const head = text.length > limit * 2 + 16 ? text.slice(0, limit * 2 + 16) : text;
  const clean = inert(head.replace(CONTROL, ' ').replace(BIDI, ''));
  if (clean.length <= limit && head.length === text.length) return clean;
  let cut = Math.min(clean.length, limit - 1);
  // Never split a surrogate pair.
  if (cut > 0 && /[\ud800-\udbff]/.test(clean[cut - 1])) cut -= 1;
  return `${clean.slice(0, cut)}…`;
}

/** A short, stable, non-cryptographic hash (FNV-1a, 32 bit) for de-duplication keys. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
