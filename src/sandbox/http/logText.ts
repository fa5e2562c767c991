// Text from the network in a log line: quoted, control and bidirectional-override characters
// escaped (so a hostile id cannot forge or reorder a line), and cut to a sane length.

const INVISIBLE = /[\u0080-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function forLog(text: string, max = 200): string {
  const short = text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
  return JSON.stringify(short).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
