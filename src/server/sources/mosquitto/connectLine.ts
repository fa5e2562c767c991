// Mosquitto 2.0.11's connect lines (src/handle_connect.c, src/net.c):
//   New client connected from {address}:{port} as {id} (p{protocol}, c{clean}, k{keepalive}[, u'{user}']).
//   New bridge connected from … (the same, for a bridge)
//   New connection from {address}:{port} on port {listener}.
// The address holds no space, so the first " as " ends it. The id and the user name may hold
// anything, " as " and " (p2, c1, k60)." included: the fields are read from the right end, and
// with a user name the rightmost "(p…, c…, k…, u'" is taken, so that an id is never cut short
// (the id is the client's own choice; a user name usually the broker owner's). Every step is a
// bounded look at a known position: no regular expression runs over the whole id.

export type MosquittoProtocol = 'mqtt3' | 'mqtt4' | 'mqtt5';

export interface ConnectLine {
  bridge: boolean;
  address: string;
  port: number;
  clientId: string;
  /** Mosquitto's protocol number: 1 = MQTT 3.1, 2 = 3.1.1, 5 = 5 (3 is a bridge's 3.1.1). */
  protocolNumber: number;
  /** The monitor payload's `Protocol` (platform-contract.md §4.2), when the number is a known one. */
  protocol?: MosquittoProtocol;
  cleanSession: boolean;
  keepAliveSeconds: number;
  username?: string;
}

export interface ConnectionLine {
  address: string;
  port: number;
  listenerPort: number;
}

const PROTOCOLS: Record<number, MosquittoProtocol> = { 1: 'mqtt3', 2: 'mqtt4', 3: 'mqtt4', 5: 'mqtt5' };
/** " (p2, c1, k65535" is at most 18 characters. */
const FIELDS_MAX = 18;
const FIELDS = /^ \(p(\d{1,3}), c([01]), k(\d{1,5})$/;

function addressAndPort(text: string): { address: string; port: number } | undefined {
  const colon = text.lastIndexOf(':');
  const digits = text.slice(colon + 1);
  if (colon <= 0 || !/^\d{1,5}$/.test(digits) || Number(digits) > 65_535) return undefined;
  return { address: text.slice(0, colon), port: Number(digits) };
}

/** The fields " (p…, c…, k…" that end exactly at `end`: where they start, and their values. */
function fieldsEndingAt(tail: string, end: number): { at: number; values: RegExpExecArray } | undefined {
  const from = Math.max(0, end - FIELDS_MAX);
  const at = tail.slice(from, end).lastIndexOf(' (p');
  if (at < 0) return undefined;
  const values = FIELDS.exec(tail.slice(from + at, end));
  return values ? { at: from + at, values } : undefined;
}

export function readConnectLine(line: string): ConnectLine | undefined {
  const bridge = line.startsWith('New bridge connected from ');
  if (!bridge && !line.startsWith('New client connected from ')) return undefined;
  const rest = line.slice('New client connected from '.length);
  const as = rest.indexOf(' as ');
  const where = as < 0 ? undefined : addressAndPort(rest.slice(0, as));
  if (!where) return undefined;
  const tail = rest.slice(as + ' as '.length);
  let fields: ReturnType<typeof fieldsEndingAt>;
  let username: string | undefined;
  if (tail.endsWith("').")) {
    // "…, u'{user}')." — the rightmost ", u'" right after the fields starts the user name.
    for (
      let u = tail.lastIndexOf(", u'", tail.length - 3);
      u >= 0 && !fields;
      u = u === 0 ? -1 : tail.lastIndexOf(", u'", u - 1)
    ) {
      fields = fieldsEndingAt(tail, u);
      if (fields) username = tail.slice(u + ", u'".length, tail.length - "').".length);
    }
  } else if (tail.endsWith(').')) {
    fields = fieldsEndingAt(tail, tail.length - ').'.length);
  }
  if (!fields) return undefined;
  const [, p, c, k] = fields.values;
  const protocolNumber = Number(p);
  return {
    bridge,
    ...where,
    clientId: tail.slice(0, fields.at),
    protocolNumber,
    protocol: PROTOCOLS[protocolNumber],
    cleanSession: c === '1',
    keepAliveSeconds: Number(k),
    ...(username === undefined ? {} : { username }),
  };
}

export function readConnectionLine(line: string): ConnectionLine | undefined {
  if (!line.startsWith('New connection from ') || !line.endsWith('.')) return undefined;
  const rest = line.slice('New connection from '.length, -1);
  const on = rest.lastIndexOf(' on port ');
  if (on < 0) return undefined;
  const where = addressAndPort(rest.slice(0, on));
  const listener = rest.slice(on + ' on port '.length);
  if (!where || !/^\d{1,5}$/.test(listener)) return undefined;
  return { ...where, listenerPort: Number(listener) };
}
