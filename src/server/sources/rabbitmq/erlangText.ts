// Erlang terms as RabbitMQ 3.10 writes them into event headers (`~p`: the event exchange turns
// every value that is not a binary, atom or number into its printed form) and log lines: binaries
// (<<"text">> or <<104,105>>), IP address tuples, the protocol tuple, and process ids. Pure,
// linear-time readers; they return undefined for anything else.

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  b: '\b',
  f: '\f',
  e: '\u001b',
  s: ' ',
  d: '\u007f',
};

/**
 * Decodes a binary literal, `<<"…">>` or `<<1,2,3>>`, into text; `at` is where `<<` starts. `~p` quotes a binary
 * whose bytes are all printable Latin-1 (the UTF-8 of "é" is 195,169: "Ã©") and lists the bytes of any other. The
 * event exchange turns the printed characters back into bytes one for one (list_to_binary), so a header holds the
 * binary's own bytes between the quotes, and the AMQP client has already decoded them as UTF-8: the quoted text is
 * the id itself. Only the byte list still needs decoding.
 */
export function readBinary(text: string, at = 0): { value: string; end: number } | undefined {
  if (!text.startsWith('<<', at)) return undefined;
  let i = at + 2;
  if (text[i] === '"') {
    let value = '';
    for (i++; i < text.length && text[i] !== '"'; i++) {
      const ch = text[i] as string;
      if (ch === '\\' && i + 1 < text.length) {
        const next = text[++i] as string;
        value += ESCAPES[next] ?? next;
      } else {
        value += ch;
      }
    }
    if (!text.startsWith('">>', i)) return undefined;
    return { value, end: i + 3 };
  }
  const close = text.indexOf('>>', i);
  if (close < 0) return undefined;
  const list = text.slice(i, close).replace(/\s+/g, '');
  if (list !== '' && !/^\d{1,3}(,\d{1,3})*$/.test(list)) return undefined;
  const bytes = list === '' ? [] : list.split(',').map((n) => Number(n) & 0xff);
  return { value: Buffer.from(bytes).toString('utf8'), end: close + 2 };
}

/** The MQTT client id in a connection's `variable_map` header: `#{<<"client_id">> => <<"…">>, …}`. */
export function clientIdOfVariableMap(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const key = '<<"client_id">> => ';
  const at = text.indexOf(key);
  return at < 0 ? undefined : readBinary(text, at + key.length)?.value;
}

/** An address tuple `{127,0,0,1}` or an IPv6 one of 8 numbers, as text (IPv6 with its longest zero run as "::"). */
export function addressOfTuple(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^\{(\d{1,5}(?:,\d{1,5}){3}|\d{1,5}(?:,\d{1,5}){7})\}$/.exec(text.trim());
  if (!m?.[1]) return text.length > 0 && text.length < 100 && !text.startsWith('{') ? text : undefined;
  const parts = m[1].split(',').map(Number);
  if (parts.length === 4) return parts.join('.');
  const hex = parts.map((p) => p.toString(16));
  let best = { at: -1, len: 0 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && parts[j] === 0) j++;
    if (j - i > best.len && j - i >= 2) best = { at: i, len: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.len).join(':')}`;
}

/** `{'MQTT',"3.1.1"}` → "MQTT 3.1.1"; `{0,9,1}` → "AMQP 0-9-1" (as the management API says). */
export function protocolOfTuple(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const named = /^\{'?([A-Za-z0-9_ ]{1,20})'?,\s*"([^"]{1,20})"\}$/.exec(text);
  if (named) return `${named[1]} ${named[2]}`;
  const amqp = /^\{(\d),(\d),(\d)\}$/.exec(text);
  return amqp ? `AMQP ${amqp[1]}-${amqp[2]}-${amqp[3]}` : undefined;
}

/**
 * A pid as the event exchange writes it, `<node@host.creation.id.serial>`: its node, and the `<0.id.serial>` the node's
 * own log lines use.
 */
export function readPid(text: unknown): { node: string; local: string } | undefined {
  if (typeof text !== 'string' || text.length > 400) return undefined;
  const m = /^<([^<>]+)\.(\d+)\.(\d+)\.(\d+)>$/.exec(text);
  return m?.[1] ? { node: m[1], local: `<0.${m[3]}.${m[4]}>` } : undefined;
}
