// What the platform records when a client connects, is refused, or disconnects: the device's
// connection log (platform-contract.md §3), its state (§2.3), the monitor message (§4), and a line on stderr.
// Strangers leave no trace in the store: only registered devices get log lines, and only known
// clients (a registered device, an application that has connected before) get a state record.
// Repeated failed authentications of one id are one burst (failureBursts.ts): the first in full,
// the rest counted into one entry; none of them touches the state of a client that has ever connected.

import * as wording from '../../../../core/connectionLog';
import { closeReason, connackName } from '../../../../core/closeCodes';
import { isDeviceLike, type ParsedClientId } from '../../../../core/ids';
import { connectMessage, disconnectMessage, failedConnectMessage } from '../../../../core/monitor';
import { toIso } from '../../../../core/time';
import type { Logger } from '../../../log';
import type { SandboxStore } from '../../../store/store';
import type { MonitorPublisher } from '../../../monitor/publisher';
import type { Session } from './session';
import type { ClientFacts, StateWriter } from './stateWriter';
import { messageOf } from '../../../../core/errors';
import { CloseCode } from '../../../../core/closeCodes';
import { FailureBursts, type BurstSummary } from './failureBursts';

export interface RecorderDeps {
  store: SandboxStore;
  states: StateWriter;
  monitor: MonitorPublisher;
  log: Logger;
  /** Whether a session with this id is connected right now. */
  isLive(clientId: string): boolean;
  /** How long a burst of failed authentications of one id gathers before its entry is written. */
  burstMs: number;
}

export class ConnectivityRecorder {
  private readonly bursts: FailureBursts;

  constructor(private readonly d: RecorderDeps) {
    this.bursts = new FailureBursts(d.burstMs, (id, summary) => this.burstEnded(id, summary));
  }

  /** The server stops: the entries of the bursts still open. */
  close(): void {
    this.bursts.endAll();
  }

  connected(s: Session & { id: ParsedClientId }, at: number): void {
    const { id, clientAddr } = s;
    this.bursts.end(id.raw);
    const line = isDeviceLike(id)
      ? wording.tokenAuthSucceeded(id.raw, clientAddr)
      : wording.apiKeyAuthSucceeded(id.raw, clientAddr);
    this.deviceLog(id, line, at);
    this.d.states.connected(facts(s), at);
    this.d.monitor.connected(id.raw, connectMessage(s.facts(), toIso(at)));
    this.d.log.info(`${line}; connected over ${s.facts().protocol} on port ${s.transport.port}`);
  }

  /** A CONNECT with a valid id was refused (CONNACK 5): its credentials failed. */
  refused(s: Session & { id: ParsedClientId }, closeCode: number, connack: number, why: string, at: number): void {
    const { id, clientAddr } = s;
    const place = this.bursts.add(id, clientAddr, at, closeCode === CloseCode.TooManyAuthRequests);
    if (place !== 'first') {
      // Counted; the first refused unchecked (176) is still told on the monitor topic, once.
      if (place.tellLimited) this.d.monitor.failed(id.raw, failedConnectMessage(s.facts(), toIso(at), closeCode));
      return;
    }
    const line = isDeviceLike(id)
      ? wording.tokenAuthFailed(id.raw, clientAddr)
      : wording.apiKeyAuthFailed(id.raw, clientAddr);
    this.deviceLog(id, line, at);
    this.deviceLog(id, wording.closedConnection(clientAddr, closeCode), at);
    if (this.isKnown(id)) this.d.states.refused(facts(s), closeCode, at);
    this.d.monitor.failed(id.raw, failedConnectMessage(s.facts(), toIso(at), closeCode));
    this.d.log.warn(`${line}: ${why}; CONNACK ${connack} (${connackName(connack)}), close code ${closeCode}`);
  }

  /** An authenticated CONNECT whose connection closed before its CONNACK (e.g. during a takeover):
   *  a failed attempt, but not a failed token. */
  dropped(s: Session & { id: ParsedClientId }, closeCode: number, at: number): void {
    this.failedAttempt(s, closeCode, at);
    this.d.log.info(
      `${s.id.raw} from ${s.clientAddr}: the connection closed before its CONNACK: ${closeReason(closeCode)} ` +
        `(${closeCode})`,
    );
  }

  disconnected(s: Session & { id: ParsedClientId }, closeCode: number, at: number): void {
    const { id, clientAddr } = s;
    this.deviceLog(id, wording.closedConnection(clientAddr, closeCode), at);
    this.d.states.disconnected(facts(s), closeCode, at);
    const connectTime = toIso(s.connectTime ?? at);
    this.d.monitor.disconnected(id.raw, disconnectMessage(s.facts(), toIso(at), connectTime, closeCode, s.traffic()));
    this.d.log.info(`${id.raw} from ${clientAddr} disconnected: ${closeReason(closeCode)} (${closeCode})`);
  }

  /** A keep-alive hold began or ended (platform-contract.md §8): a line of the client's log. */
  keepAlive(s: Session & { id: ParsedClientId }, line: string, at: number): void {
    this.deviceLog(s.id, line, at);
    this.d.log.info(`${s.id.raw} from ${s.clientAddr}: ${line}`);
  }

  private burstEnded(id: ParsedClientId, b: BurstSummary): void {
    const line = wording.authFailedRepeatedly(isDeviceLike(id) ? 'token' : 'apiKey', id.raw, {
      ...b,
      from: toIso(b.from),
      to: toIso(b.to),
    });
    this.deviceLog(id, line, b.to);
    this.d.log.warn(line);
  }

  private failedAttempt(s: Session & { id: ParsedClientId }, closeCode: number, at: number): void {
    const { id, clientAddr } = s;
    this.deviceLog(id, wording.closedConnection(clientAddr, closeCode), at);
    if (this.isKnown(id) && !this.d.isLive(id.raw)) this.d.states.disconnected(facts(s), closeCode, at);
    this.d.monitor.failed(id.raw, failedConnectMessage(s.facts(), toIso(at), closeCode));
  }

  private deviceLog(id: ParsedClientId, message: string, at: number): void {
    if (!isDeviceLike(id) || !this.d.store.getDevice(id.typeId, id.deviceId)) return;
    try {
      this.d.store.appendLog(id.typeId, id.deviceId, { message, timestamp: toIso(at) });
    } catch (err) {
      this.d.log.error(`could not write the connection log of ${id.raw}: ${messageOf(err)}`);
    }
  }

  private isKnown(id: ParsedClientId): boolean {
    return isDeviceLike(id)
      ? this.d.store.getDevice(id.typeId, id.deviceId) !== undefined
      : this.d.store.getState(id.raw) !== undefined;
  }
}

function facts(s: Session & { id: ParsedClientId }): ClientFacts {
  return {
    id: s.id,
    protocolLevel: s.protocolLevel,
    connectTime: s.connectTime,
    clientAddr: s.clientAddr,
    clientPort: s.clientPort,
    keepAliveSeconds: s.keepAliveSeconds,
  };
}
