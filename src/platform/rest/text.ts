// Untrusted text (client ids, device ids) inside our own messages: quoted, shortened and stripped
// of control and bidirectional-override characters (core/text.ts), so that an id cannot reorder or
// hide the words around it. The views still render every message as plain text.

import { MAX_CLIENT_ID_BYTES } from '../../core/limits';
import { plainText } from '../../core/text';

export function quote(text: string): string {
  return `"${plainText(text, 120)}"`;
}

/** One path segment: encoded except for `:` (ids go in raw, platform-contract.md §2.1). */
export function pathSegment(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':');
}

/**
 * Empty, longer than any MQTT client id (65,535 bytes, platform-contract.md §7.2), or a dot segment (`.`/`..`, which
 * URL parsing resolves away, percent-encoded or not): cannot name anything.
 */
export function isUsableSegment(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= MAX_CLIENT_ID_BYTES &&
    Buffer.byteLength(text, 'utf8') <= MAX_CLIENT_ID_BYTES &&
    !/^\.{1,2}$/.test(text)
  );
}
