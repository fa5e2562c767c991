// The string values of any text (no `vscode` import; unit-tested): quoted literals of source code,
// JSON and Markdown code spans ("…", '…', `…` on one line, backslash escapes read as JSON reads
// them), and the unquoted values of configuration lines (`key: value`, `KEY=value`, `- value` in
// YAML, TOML, .env and properties files). Linear: every character is read a bounded number of
// times; a quote that finds no partner on its line rules out its kind for the rest of that line.

/** A value and the span of text it was read from (inside the quotes, for a literal). */
export interface TextValue {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** Longer values cannot be MQTT client ids (the protocol's limit is 65,535 bytes). */
export const MAX_VALUE_LENGTH = 65_535;

const QUOTES = /["'`]/g;
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };

function unescape(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, e: string) =>
    e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : (ESCAPES[e] ?? e),
  );
}

/** Quoted literals, in order. */
export function quotedValues(text: string): TextValue[] {
  const out: TextValue[] = [];
  // Per quote kind: the end of the line on which it found no partner.
  const failedUntil: Record<string, number> = { '"': -1, "'": -1, '`': -1 };
  let lineEnd = -1;
  QUOTES.lastIndex = 0;
  for (let m = QUOTES.exec(text); m !== null; m = QUOTES.exec(text)) {
    const open = m.index;
    const q = m[0];
    if (open > lineEnd) lineEnd = endOfLine(text, open);
    if (failedUntil[q] === lineEnd) continue;
    let escaped = false;
    let close = -1;
    for (let j = open + 1; j < lineEnd; j++) {
      const c = text.charCodeAt(j);
      if (c === 92 /* \ */) {
        escaped = true;
        j++;
      } else if (text[j] === q) {
        close = j;
        break;
      }
    }
    if (close < 0) {
      failedUntil[q] = lineEnd;
      continue;
    }
    const length = close - open - 1;
    if (length > 0 && length <= MAX_VALUE_LENGTH) {
      const raw = text.slice(open + 1, close);
      out.push({ start: open + 1, end: close, value: escaped ? unescape(raw) : raw });
    }
    QUOTES.lastIndex = close + 1;
  }
  return out;
}

function endOfLine(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}

// `key: value`, `key = value`, `export KEY=value`, `- value`: the value starts after the match.
const CONFIG_LINE =
  /^[ \t]*(?:(?:export[ \t]+)?[A-Za-z_][\w.-]{0,200}[ \t]*[:=]|-)[ \t]+|^[ \t]*[A-Za-z_][\w.-]{0,200}=/;

/** Unquoted values of configuration lines, in order; a trailing comment, comma or semicolon is not part of it. */
export function bareValues(text: string): TextValue[] {
  const out: TextValue[] = [];
  for (let start = 0; start <= text.length;) {
    const end = endOfLine(text, start);
    // Only the head of a line can hold the key: a long minified line is not read twice.
    const head = text.slice(start, Math.min(end, start + 256));
    const m = CONFIG_LINE.exec(head);
    if (m) {
      let from = start + m[0].length;
      let to = end;
      const hash = text.slice(from, to).indexOf(' #');
      if (hash >= 0) to = from + hash;
      while (to > from && /[\s,;\r]/.test(text[to - 1])) to--;
      while (from < to && /\s/.test(text[from])) from++;
      const first = text[from];
      if (to > from && to - from <= MAX_VALUE_LENGTH && first !== '"' && first !== "'" && first !== '`') {
        out.push({ start: from, end: to, value: text.slice(from, to) });
      }
    }
    start = end + 1;
  }
  return out;
}
