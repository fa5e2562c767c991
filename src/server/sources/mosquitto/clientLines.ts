// Mosquitto 2.0.11's lines about one client ("Client {id} …", src/loop.c do_disconnect and
// src/handle_connect.c), and what each means here (platform-contract.md §7.1). The id sits between a fixed
// beginning and a fixed ending, so a line is read by its ending: whatever the id contains
// (spaces, " as ", parentheses, the broker's own words) stays in the id.

import { CloseCode, type DisconnectInitiator } from '../../../core/closeCodes';

export type ClientLineKind = 'disconnect' | 'failedConnect' | 'takeover' | 'sessionExpired' | 'multipleConnect';

/** Why Mosquitto says a client went, in this project's words. */
export type MosquittoCause =
  | 'clientDisconnect'
  | 'connectionLost'
  | 'keepAliveTimeout'
  | 'takenOver'
  | 'notAuthorised'
  | 'protocolError'
  | 'malformedPacket'
  | 'oversizePacket'
  | 'oversizePayload'
  | 'administrative'
  | 'outOfMemory'
  | 'qosOrRetainNotSupported'
  | 'socketError'
  | 'sessionExpired'
  | 'multipleConnect';

export interface ClientLineMeaning {
  kind: ClientLineKind;
  cause: MosquittoCause;
  closeCode?: number;
  initiator?: DisconnectInitiator;
}

interface Ending extends ClientLineMeaning {
  readonly text: string;
}

/** "Client {id}{text}" lines, by their fixed ending. */
const ENDINGS: readonly Ending[] = [
  {
    text: ' disconnected.',
    kind: 'disconnect',
    cause: 'clientDisconnect',
    closeCode: CloseCode.Normal,
    initiator: 'client',
  },
  {
    text: ' closed its connection.',
    kind: 'disconnect',
    cause: 'connectionLost',
    closeCode: CloseCode.ClosedByClient,
    initiator: 'client',
  },
  {
    text: ' has exceeded timeout, disconnecting.',
    kind: 'disconnect',
    cause: 'keepAliveTimeout',
    closeCode: CloseCode.TimedOut,
    initiator: 'network',
  },
  {
    text: ' already connected, closing old connection.',
    kind: 'takeover',
    cause: 'takenOver',
    closeCode: CloseCode.ClientIdReused,
    initiator: 'server',
  },
  {
    text: ' disconnected, not authorised.',
    kind: 'failedConnect',
    cause: 'notAuthorised',
    closeCode: CloseCode.NotAuthorized,
    initiator: 'server',
  },
  {
    text: ' disconnected due to protocol error.',
    kind: 'disconnect',
    cause: 'protocolError',
    closeCode: CloseCode.InvalidData,
    initiator: 'server',
  },
  {
    text: ' disconnected due to malformed packet.',
    kind: 'disconnect',
    cause: 'malformedPacket',
    closeCode: CloseCode.InvalidData,
    initiator: 'server',
  },
  {
    text: ' disconnected due to oversize packet.',
    kind: 'disconnect',
    cause: 'oversizePacket',
    closeCode: CloseCode.MessageTooLarge,
    initiator: 'server',
  },
  {
    text: ' disconnected due to oversize payload.',
    kind: 'disconnect',
    cause: 'oversizePayload',
    closeCode: CloseCode.MessageTooLarge,
    initiator: 'server',
  },
  {
    text: ' been disconnected by administrative action.',
    kind: 'disconnect',
    cause: 'administrative',
    closeCode: CloseCode.Administrator,
    initiator: 'server',
  },
  // Disconnects with no close code of their own (platform-contract.md §7.1: "any other … disconnect line").
  { text: ' disconnected due to out of memory.', kind: 'disconnect', cause: 'outOfMemory' },
  {
    text: ' disconnected due to QoS too high or retain not supported.',
    kind: 'disconnect',
    cause: 'qosOrRetainNotSupported',
  },
];

/** What Mosquitto writes when a connection has no client id yet (no CONNECT, or refused before it was accepted). */
export const UNKNOWN_ID = '<unknown>';

export interface ClientLine extends ClientLineMeaning {
  /** The client id as the line gives it; null when the broker wrote `<unknown>`. */
  clientId: string | null;
  /** For a disconnect of the catch-all forms: the broker's explanation (an OS error text). */
  detail?: string;
}

function id(text: string): string | null {
  return text === UNKNOWN_ID ? null : text;
}

/** The text between a fixed beginning and a fixed ending (which must not overlap), or undefined. */
function between(line: string, head: string, tail: string): string | undefined {
  if (line.length < head.length + tail.length || !line.startsWith(head) || !line.endsWith(tail)) return undefined;
  return line.slice(head.length, line.length - tail.length);
}

/** Reads a "Client {id} …", "Bad socket …", "Expiring client …" or "Bad client …" line; undefined for any other. */
export function readClientLine(line: string): ClientLine | undefined {
  if (line.startsWith('Client ')) {
    const rest = line.slice('Client '.length);
    for (const e of ENDINGS) {
      if (rest.length >= e.text.length && rest.endsWith(e.text)) {
        const { text: _text, ...meaning } = e;
        return { ...meaning, clientId: id(rest.slice(0, rest.length - e.text.length)) };
      }
    }
    // "Client {id} disconnected: {strerror}." — the OS error text never contains the marker.
    const at = rest.lastIndexOf(' disconnected: ');
    if (at >= 0 && rest.endsWith('.')) {
      return {
        kind: 'disconnect',
        cause: 'socketError',
        clientId: id(rest.slice(0, at)),
        detail: rest.slice(at + ' disconnected: '.length, -1),
      };
    }
    return undefined;
  }
  if (line.startsWith('Bad socket read/write on client ')) {
    // "Bad socket read/write on client {id}: {error}" — the error text has no ": ".
    const rest = line.slice('Bad socket read/write on client '.length);
    const at = rest.lastIndexOf(': ');
    if (at >= 0) {
      return { kind: 'disconnect', cause: 'socketError', clientId: id(rest.slice(0, at)), detail: rest.slice(at + 2) };
    }
    return undefined;
  }
  const expiring = between(line, 'Expiring client ', ' due to timeout.');
  if (expiring !== undefined) return { kind: 'sessionExpired', cause: 'sessionExpired', clientId: id(expiring) };
  const twice = between(line, 'Bad client ', ' sending multiple CONNECT messages.');
  if (twice !== undefined) return { kind: 'multipleConnect', cause: 'multipleConnect', clientId: id(twice) };
  return undefined;
}
