// Untrusted text (client ids, device ids) inside our own messages: quoted, shortened, with control
// and bidirectional-override characters shown as escapes so that an id cannot reorder or hide the
// words around it. The views still render every message as plain text.

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const MAX = 120;

export function quote(text: string): string {
  const short = text.length > MAX ? `${text.slice(0, MAX)}…` : text;
  return `"${short.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

/** One path segment: encoded except for `:` (ids go in raw, spec §2.1), never `.`/`..` alone. */
export function pathSegment(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':');
}

/** A path segment that would be a dot segment, or is empty, cannot name anything. */
export function isUsableSegment(text: string): boolean {
  return text.length > 0 && text.length <= 1024 && !/^\.{1,2}$/.test(text);
}
