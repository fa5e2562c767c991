// One message of Mosquitto's log topic ($SYS/broker/log/{N,E,W,I,…}, `log_dest topic`) as a
// typed result, without I/O. The payload is "<unix time>: <line>" (log_timestamp true, the
// default), "<line>" (false), or "<custom time>: <line>" (log_timestamp_format). Lines this
// reader does not know are kept as `other`, never dropped. Mosquitto writes a line into 1000
// bytes: a longer one (an id of more than about 900 bytes) arrives cut at 999 bytes, and is then
// `truncated` with what could still be read. Client ids and user names are returned as text,
// exactly as the broker wrote them.

import { readClientLine, type ClientLine } from './clientLines';
import { readConnectionLine, readConnectLine, type ConnectionLine, type ConnectLine } from './connectLine';

export type { ClientLine } from './clientLines';
export type { ConnectLine, ConnectionLine } from './connectLine';

/** Mosquitto's longest log line, in bytes (a 1000-byte buffer with its final NUL). */
export const MAX_LINE_BYTES = 999;

interface Common {
  /** The log level the topic names: N notice, E error, W warning, I information, … ('' if none). */
  level: string;
  /** The Unix time (s) of the default timestamp, when there is one. */
  time?: number;
  /** The line without its timestamp. */
  line: string;
}

export type MosquittoLogEvent = Common &
  (
    | ({ kind: 'connect' } & ConnectLine)
    | ({ kind: 'connection' } & ConnectionLine)
    | ClientLine
    | { kind: 'shutdown'; version: string }
    | ({ kind: 'truncated' } & Truncated)
    | { kind: 'other' }
  );

/** Where a line starts after a custom timestamp: the first known beginning after ": ". */
const STARTS = [
  'New client connected from ',
  'New bridge connected from ',
  'New connection from ',
  'Client ',
  'Bad socket read/write on client ',
  'Expiring client ',
  'Bad client ',
  'mosquitto version ',
];

function splitTimestamp(text: string): { time?: number; line: string } {
  const m = /^(\d{1,12}): /.exec(text.slice(0, 14));
  if (m) return { time: Number(m[1]), line: text.slice(m[0].length) };
  if (STARTS.some((s) => text.startsWith(s))) return { line: text };
  for (let at = text.indexOf(': '); at >= 0 && at < 64; at = text.indexOf(': ', at + 1)) {
    const rest = text.slice(at + 2);
    if (STARTS.some((s) => rest.startsWith(s))) return { line: rest };
  }
  return { line: text };
}

function levelOf(topic: string): string {
  return topic.startsWith('$SYS/broker/log/') ? topic.slice('$SYS/broker/log/'.length) : '';
}

interface Truncated {
  of: 'connect' | 'client';
  clientIdStart: string;
  address?: string;
  port?: number;
}

/** What a cut line still tells: the start of the id, and for a connect the address and port. */
function truncatedOf(line: string): Truncated | undefined {
  const connectHead = ['New client connected from ', 'New bridge connected from '].find((h) => line.startsWith(h));
  if (connectHead) {
    const rest = line.slice(connectHead.length);
    const as = rest.indexOf(' as ');
    if (as < 0) return undefined;
    const where = rest.slice(0, as);
    const colon = where.lastIndexOf(':');
    const port = Number(where.slice(colon + 1));
    return {
      of: 'connect',
      clientIdStart: rest.slice(as + 4),
      ...(colon > 0 && Number.isInteger(port) ? { address: where.slice(0, colon), port } : {}),
    };
  }
  if (line.startsWith('Client ')) return { of: 'client', clientIdStart: line.slice('Client '.length) };
  return undefined;
}

/**
 * Reads one log message. `payload` as received (a Buffer is decoded as UTF-8; its byte length
 * tells a cut line). Never throws.
 */
export function readMosquittoLog(topic: string, payload: string | Uint8Array): MosquittoLogEvent {
  const text = typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8');
  const bytes = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  const common: Common = { level: levelOf(topic), ...splitTimestamp(text) };
  const { line } = common;
  const connect = readConnectLine(line);
  if (connect) return { ...common, kind: 'connect', ...connect };
  const connection = readConnectionLine(line);
  if (connection) return { ...common, kind: 'connection', ...connection };
  const client = readClientLine(line);
  if (client) return { ...common, ...client };
  if (line.startsWith('mosquitto version ') && line.endsWith(' terminating')) {
    return { ...common, kind: 'shutdown', version: line.slice('mosquitto version '.length, -' terminating'.length) };
  }
  if (bytes >= MAX_LINE_BYTES) {
    const cut = truncatedOf(line);
    if (cut) return { ...common, kind: 'truncated', ...cut };
  }
  return { ...common, kind: 'other' };
}
