// Opaque paging cursors: base64url of a small JSON value. The server reads back only what it
// wrote; anything else (edited, truncated, from another sort order) is a 400, never a crash.

const MAX_BOOKMARK_CHARS = 4096;

export function encodeBookmark(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The decoded value, or undefined when the text is not a bookmark of ours. */
export function decodeBookmark(text: string): unknown {
  if (text.length === 0 || text.length > MAX_BOOKMARK_CHARS || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    return JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
