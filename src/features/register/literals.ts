// String literals for generated code: whatever a value holds (a token is the platform's choice of
// characters), the literal means exactly that value in its language. No `vscode` import.

/** JavaScript and Python both read a JSON string literal as the same string. */
export function jsString(value: string): string {
  return JSON.stringify(value);
}

/**
 * A Python string literal: Python reads the JSON form as the same string.
 * @alias
 */
export const pyString = jsString;

/** A C string literal: printable ASCII as is, the rest as octal escapes of its UTF-8 bytes. */
export function cString(value: string): string {
  let out = '"';
  for (const byte of Buffer.from(value, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    // `?` escaped: `??=` and friends are trigraphs in older C.
    else if (ch === '?') out += '\\?';
    else if (byte >= 0x20 && byte < 0x7f) out += ch;
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}
