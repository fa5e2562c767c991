// What the server records when an observed broker tells of a client (platform-contract.md §7.2): the state record,
// the client's connection log, the monitor message on the server's own listener, and a line on stderr. The same for
// every source; each source only turns its broker's words into SeenConnect / SeenDisconnect / SeenFailed.

import * as wording from '../../../core/connectionLog';
import { closeReason } from '../../../core/closeCodes';
import { toIso } from '../../../core/time';
import type { Logger } from '../../log';
import type { MonitorPublisher } from '../../monitor/publisher';
import type { SandboxStore } from '../../store/store';
import type { SeenConnect, SeenDisconnect, SeenFailed } from './events';
import {
  connectedRecord,
  connectMessage,
  disconnectedRecord,
  disconnectMessage,
  failedMessage,
  failedRecord,
} from './records';
import { forLog } from '../../http/logText';
import { messageOf } from '../../../core/errors';

export class ObservedRecorder {
  /** The connection each client id is connected through now, as far as this server has seen ('' = not named). */
  private readonly live = new Map<string, string>();

  constructor(
    private readonly store: SandboxStore,
    private readonly monitor: MonitorPublisher,
    private readonly log: Logger,
  ) {}

  /** How many clients this server has seen connect and not yet end, in this run. */
  get liveCount(): number {
    return this.live.size;
  }

  /** Whether this server has seen the client connect, in this run, through `connection` (any, when undefined). */
  isLive(clientId: string, connection?: string): boolean {
    const current = this.live.get(clientId);
    return current !== undefined && (connection === undefined || current === connection);
  }

  /** The connection a client is connected through now, as far as this run has seen. */
  connectionOf(clientId: string): string | undefined {
    return this.live.get(clientId);
  }

  /** After a time the broker was not observed: what this run saw connected is not known any more. */
  forget(): void {
    this.live.clear();
  }

  /** Every client the store says is connected (seen in this run, or carried from the last). */
  connectedIds(): string[] {
    const ids: string[] = [];
    for (const s of this.store.allStates()) if (s.connectionStatus === 'connected') ids.push(s.id);
    return ids;
  }

  connected(e: SeenConnect): void {
    this.live.set(e.clientId, e.connection ?? '');
    const line = wording.observedConnected(e.clientId, {
      clientIp: e.clientAddr,
      clientPort: e.clientPort,
      keepAliveSeconds: e.keepAliveSeconds,
    });
    this.write(e.clientId, () => this.store.putState(connectedRecord(this.store.getState(e.clientId), e)));
    this.append(e.clientId, line, e.connectTime ?? e.at);
    this.monitor.connected(e.clientId, connectMessage(e));
    this.log.info(`${forLog(line)}${e.node !== undefined ? ` on ${forLog(e.node)}` : ''}`);
  }

  /** A client connected before this server saw it, found connected again: live again, nothing new to tell. */
  confirmed(clientId: string, connection: string | undefined): void {
    this.live.set(clientId, connection ?? '');
    const prev = this.store.getState(clientId);
    if (prev !== undefined && prev.observed !== 'live') {
      this.write(clientId, () => this.store.putState({ ...prev, observed: 'live' }));
    }
  }

  disconnected(e: SeenDisconnect): void {
    const current = this.live.get(e.clientId);
    // The end of an older connection, told after the newer one's start (RabbitMQ's takeover order).
    const older = e.connection !== undefined && current !== undefined && current !== '' && current !== e.connection;
    if (!older) this.live.delete(e.clientId);
    const prev = this.store.getState(e.clientId);
    const clientAddr = e.clientAddr ?? prev?.clientAddr;
    const line = wording.observedClosed(clientAddr, e.closeCode, e.reason ?? 'unknown');
    this.write(e.clientId, () => this.store.putState(disconnectedRecord(prev, e, older)));
    this.append(e.clientId, line, e.at);
    this.monitor.disconnected(e.clientId, disconnectMessage(e, prev));
    const why = e.closeCode !== undefined ? `${closeReason(e.closeCode)} (${e.closeCode})` : (e.reason ?? 'unknown');
    this.log.info(`${forLog(e.clientId)} disconnected${older ? ' (an older connection)' : ''}: ${forLog(why)}`);
  }

  failed(e: SeenFailed): void {
    const prev = this.store.getState(e.clientId);
    this.write(e.clientId, () => this.store.putState(failedRecord(prev, e)));
    this.append(e.clientId, wording.observedConnectFailed(e.clientId, e.clientAddr), e.at);
    this.append(e.clientId, wording.observedClosed(e.clientAddr, e.closeCode, ''), e.at);
    this.monitor.failed(e.clientId, failedMessage(e));
    this.log.info(`${forLog(e.clientId)} failed to connect: ${closeReason(e.closeCode)} (${e.closeCode})`);
  }

  /** A line the broker wrote about a known client that says no more than itself: kept in that client's log. */
  note(clientId: string, line: string, at: number): void {
    this.append(clientId, line, at);
  }

  private append(clientId: string, message: string, at: number): void {
    this.write(clientId, () => this.store.appendClientLog(clientId, { message, timestamp: toIso(at) }));
  }

  /** A failing journal must not stop the observing: it is said, and the next event is tried again. */
  private write(clientId: string, op: () => void): void {
    try {
      op();
    } catch (err) {
      this.log.error(`could not record ${forLog(clientId)}: ${messageOf(err)}`);
    }
  }
}
