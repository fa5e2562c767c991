// Mosquitto's log lines, read (logLine.ts), turned into what the server records (platform-contract.md §7.1): a
// connect line → Connect with address, source port, keep-alive; "Client {id} …" lines → Disconnect with their close
// code and initiator, or FailedConnect; the broker's end → Disconnect 93 for every connected client. Nothing is
// invented: a refused attempt without an id, or an id cut by Mosquitto's 1,000-byte lines, is said, not recorded.
// A line never seen before is kept: in a client's log when it names a known client, on stderr otherwise.

import { CloseCode } from '../../../core/closeCodes';
import { forLog } from '../../http/logText';
import type { Logger } from '../../log';
import type { ObservedRecorder } from '../observed/recorder';
import type { MosquittoLogEvent } from './logLine';

/** "New connection from" lines wait for their connect line this long at most (a bounded memory of them). */
const PENDING_MAX = 10_000;

export class MosquittoReader {
  /** Listener port of each connection not yet connected, by "address:port". */
  private readonly pending = new Map<string, number>();
  /** Lines not understood so far (said on stderr: the first ones in full, then every 100th). */
  unread = 0;

  constructor(
    private readonly recorder: ObservedRecorder,
    private readonly log: Logger,
    /** The server's own connections to the broker, left out of what is recorded. */
    private readonly own: ReadonlySet<string>,
  ) {}

  read(e: MosquittoLogEvent, at: number): void {
    switch (e.kind) {
      case 'connection':
        if (this.pending.size >= PENDING_MAX) this.pending.delete(this.pending.keys().next().value as string);
        this.pending.set(`${e.address}:${e.port}`, e.listenerPort);
        return;
      case 'connect': {
        const where = `${e.address}:${e.port}`;
        const listenerPort = this.pending.get(where);
        this.pending.delete(where);
        if (this.own.has(e.clientId)) return;
        this.recorder.connected({
          clientId: e.clientId,
          at,
          connection: where,
          clientAddr: e.address,
          clientPort: e.port,
          keepAliveSeconds: e.keepAliveSeconds,
          protocol: e.protocol,
          durable: !e.cleanSession,
          ...(e.username !== undefined ? { user: e.username } : {}),
          ...(listenerPort !== undefined ? { listenerPort } : {}),
        });
        return;
      }
      case 'shutdown':
        this.log.warn(`Mosquitto ${forLog(e.version, 40)} is terminating: every connected client is disconnected (93)`);
        for (const clientId of this.recorder.connectedIds()) {
          this.recorder.disconnected({ clientId, at, closeCode: CloseCode.ServerShutdown, initiator: 'server' });
        }
        return;
      case 'truncated':
        this.log.warn(
          `Mosquitto cut a ${e.of === 'connect' ? 'connect' : 'client'} line at its 1,000 bytes: the client id ` +
            `starting ${forLog(e.clientIdStart, 40)} is too long to be told whole, so that client is not recorded`,
        );
        return;
      case 'other':
        return this.other(e.line, at);
      case 'disconnect':
      case 'takeover':
      case 'failedConnect':
      case 'sessionExpired':
      case 'multipleConnect':
        return this.client(e, at);
    }
  }

  private client(e: Extract<MosquittoLogEvent, { clientId: string | null }>, at: number): void {
    const clientId = e.clientId;
    if (clientId === null) {
      // Mosquitto names a client only once it is authorised: a refusal, or a socket that never sent CONNECT.
      if (e.kind === 'failedConnect') {
        this.log.info('a connection was refused (not authorised); Mosquitto does not say which client id it used');
      }
      return;
    }
    if (this.own.has(clientId)) return;
    if (e.kind === 'failedConnect') {
      this.recorder.failed({ clientId, at, closeCode: e.closeCode ?? CloseCode.NotAuthorized });
    } else if (e.kind === 'disconnect' || e.kind === 'takeover') {
      this.recorder.disconnected({
        clientId,
        at,
        ...(e.closeCode !== undefined ? { closeCode: e.closeCode } : { reason: e.detail ?? e.line }),
        ...(e.initiator !== undefined ? { initiator: e.initiator } : {}),
      });
    } else {
      this.recorder.note(clientId, e.line, at);
    }
  }

  /**
   * A line of a form never seen: "Client {id} …" of a client the store knows (the longest such id) stays in its
   * log, as a Disconnect without a code when it speaks of a disconnect (platform-contract.md §7.1); any other line
   * is said on stderr.
   */
  private other(line: string, at: number): void {
    const clientId = line.startsWith('Client ') ? this.knownIdOf(line) : undefined;
    if (clientId !== undefined) {
      if (/disconnect/i.test(line) && this.recorder.isLive(clientId)) {
        this.recorder.disconnected({ clientId, at, reason: line });
      } else {
        this.recorder.note(clientId, line, at);
      }
      return;
    }
    this.unread++;
    if (this.unread <= 20 || this.unread % 100 === 0) {
      this.log.info(`Mosquitto said (a line this server does not read; kept here): ${forLog(line, 500)}`);
    }
  }

  private knownIdOf(line: string): string | undefined {
    let best: string | undefined;
    for (const id of this.recorder.connectedIds()) {
      if (line.startsWith(`Client ${id} `) && (best === undefined || id.length > best.length)) best = id;
    }
    return best;
  }
}
