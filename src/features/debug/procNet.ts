// Linux's TCP socket tables (/proc/net/tcp and /proc/net/tcp6) read as sockets: local and remote
// address:port, state, owner uid and inode. Pure parsing: the caller reads the text.
//
// A line: `sl local rem st tx:rx tr:when retrnsmt uid timeout inode …`, where an address is hex
// (8 digits for IPv4, 32 for IPv6) in 32-bit words of the kernel's byte order, and the port is
// 4 hex digits, most significant first. An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`, what a
// dual-stack listener's accepted sockets carry) is given in its IPv4 form, as brokers report it.

export interface Endpoint {
  address: string;
  port: number;
}

export type TcpState =
  | 'ESTABLISHED'
  | 'SYN_SENT'
  | 'SYN_RECV'
  | 'FIN_WAIT1'
  | 'FIN_WAIT2'
  | 'TIME_WAIT'
  | 'CLOSE'
  | 'CLOSE_WAIT'
  | 'LAST_ACK'
  | 'LISTEN'
  | 'CLOSING'
  | 'NEW_SYN_RECV'
  | 'UNKNOWN';

/** The kernel's state numbers (include/net/tcp_states.h), 1-based. */
const STATES: readonly TcpState[] = [
  'ESTABLISHED',
  'SYN_SENT',
  'SYN_RECV',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'TIME_WAIT',
  'CLOSE',
  'CLOSE_WAIT',
  'LAST_ACK',
  'LISTEN',
  'CLOSING',
  'NEW_SYN_RECV',
];

export interface ProcSocket {
  local: Endpoint;
  remote: Endpoint;
  state: TcpState;
  uid: number;
  /** The socket's inode, as `/proc/<pid>/fd/*` links name it (`socket:[inode]`); "0" once closed. */
  inode: string;
  /** The table it came from; an IPv4-mapped address still comes from tcp6. */
  table: 'tcp' | 'tcp6';
}

export interface ParseOptions {
  /** The kernel's byte order (os.endianness() === 'LE'); x86 and ARM Linux are little-endian. */
  littleEndian?: boolean;
}

const LINE =
  /^\s*\d+:\s+([0-9A-Fa-f]+):([0-9A-Fa-f]{4})\s+([0-9A-Fa-f]+):([0-9A-Fa-f]{4})\s+([0-9A-Fa-f]{2})\s+\S+\s+\S+\s+\S+\s+(\d+)\s+\d+\s+(\d+)/;

/** Every well-formed line of a /proc/net/tcp or tcp6 text; the header and anything else are skipped. */
export function parseProcNetTcp(text: string, table: 'tcp' | 'tcp6', o: ParseOptions = {}): ProcSocket[] {
  const sockets: ProcSocket[] = [];
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const local = decodeAddress(m[1], o.littleEndian ?? true);
    const remote = decodeAddress(m[3], o.littleEndian ?? true);
    if (local === undefined || remote === undefined) continue;
    sockets.push({
      local: { address: local, port: parseInt(m[2], 16) },
      remote: { address: remote, port: parseInt(m[4], 16) },
      state: STATES[parseInt(m[5], 16) - 1] ?? 'UNKNOWN',
      uid: Number(m[6]),
      inode: m[7],
      table,
    });
  }
  return sockets;
}

/** A kernel hex address as text: dotted IPv4, RFC 5952 IPv6, IPv4-mapped as IPv4; undefined if malformed. */
export function decodeAddress(hex: string, littleEndian = true): string | undefined {
  if (!/^(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{32})$/.test(hex)) return undefined;
  const bytes: number[] = [];
  for (let w = 0; w < hex.length; w += 8) {
    const word = [0, 2, 4, 6].map((i) => parseInt(hex.slice(w + i, w + i + 2), 16));
    bytes.push(...(littleEndian ? word.reverse() : word));
  }
  if (bytes.length === 4) return bytes.join('.');
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  if (mapped) return bytes.slice(12).join('.');
  const groups = [0, 1, 2, 3, 4, 5, 6, 7].map((g) => (bytes[2 * g] << 8) | bytes[2 * g + 1]);
  return ipv6Text(groups);
}

/** RFC 5952: lower-case hex, no leading zeros, the first longest run (≥ 2) of zero groups as `::`. */
function ipv6Text(groups: number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const text = groups.map((g) => g.toString(16));
  if (best < 0) return text.join(':');
  return `${text.slice(0, best).join(':')}::${text.slice(best + bestLen).join(':')}`;
}

/** `127.0.0.1:1883`, `[::1]:1883`: one key per endpoint, whichever table it came from. */
export function endpointKey(e: Endpoint): string {
  return `${e.address.includes(':') ? `[${e.address}]` : e.address}:${e.port}`;
}

/** An address as a broker or Node reports it, in this module's form (`::ffff:10.0.0.1` → `10.0.0.1`). */
export function normalAddress(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}
