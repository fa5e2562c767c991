// The CONNECT side of the broker: protocol level, client id and credentials (platform-contract.md §1), the
// limit of failed authentications (176, before any credential is checked; §4.3), the takeover of a reused
// client id (288), keep-alive expiry (160), and every session's end.

import type { Aedes, AuthenticateError } from 'aedes';
import { CloseCode, ConnackCode, connackName } from '../../../../core/closeCodes';
import { parseClientId, type ParsedClientId } from '../../../../core/ids';
import { authenticateConnect } from './auth';
import { connectionFailed, finishSession } from './closing';
import type { BrokerContext } from './context';
import { describeText, type Session } from './session';

export function installConnectHooks(broker: Aedes, ctx: BrokerContext): void {
  broker.preConnect = (client, packet, done) => {
    const s = ctx.sessions.of(client);
    if (s) {
      s.phase = 'connecting';
      s.rawId = packet.clientId;
      s.protocolLevel = packet.protocolVersion ?? 4;
      s.user = packet.username;
      s.durable = packet.clean === false;
      s.keepAliveSeconds = packet.keepalive;
      if (s.protocolLevel !== 3 && s.protocolLevel !== 4) {
        // aedes answers CONNACK 1 itself; the platform spoke MQTT 3.1 and 3.1.1 only (platform-contract.md §1).
        s.phase = 'refused';
        ctx.log.warn(
          `MQTT ${s.protocolLevel} CONNECT of ${describeText(packet.clientId)} from ${s.clientAddr} refused: CONNACK ` +
            `${ConnackCode.BadProtocol} (${connackName(ConnackCode.BadProtocol)}); the platform speaks MQTT 3.1 and ` +
            `3.1.1`,
        );
      }
    }
    done(null, true);
  };

  broker.authenticate = (client, username, password, done) => {
    const s = ctx.sessions.of(client);
    if (s === undefined) return done(refusal('unknown connection', ConnackCode.ServerUnavailable), null);
    const rawId = s.rawId ?? '';
    const wait = ctx.authFailures.refusal(s.clientAddr, rawId);
    if (wait !== undefined) return done(tooMany(ctx, s, rawId, wait), null);
    const verdict = authenticateConnect(ctx.store, ctx.org, rawId, username, password);
    if (!verdict.ok) {
      // An id not of the platform's form counts against the address only: it names no one.
      ctx.authFailures.failed(s.clientAddr, verdict.id ? rawId : undefined);
      s.phase = 'refused';
      s.closeWith(verdict.closeCode);
      if (verdict.id) {
        s.id = verdict.id;
        ctx.recorder.refused(
          s as Session & { id: ParsedClientId },
          verdict.closeCode,
          verdict.connack,
          verdict.why,
          Date.now(),
        );
      } else {
        ctx.log.warn(
          `client id ${describeText(rawId)} from ${s.clientAddr} refused: ${verdict.why}; CONNACK ${verdict.connack} ` +
            `(${connackName(verdict.connack)}), close code ${verdict.closeCode}`,
        );
      }
      return done(refusal(verdict.why, verdict.connack), null);
    }
    s.id = verdict.id;
    // aedes closes the older session of this id next; it must be recorded as taken over.
    ctx.sessions.live.get(verdict.id.raw)?.closeWith(CloseCode.ClientIdReused);
    done(null, true);
  };

  // Connected once aedes registers the client: the older session of the id is closed by then
  // (288). Usually CONNACK 0 is not yet written, so the client cannot act before its Connect is
  // recorded (if that CONNACK then fails, the socket closes and the session ends as 91). In a
  // takeover aedes writes CONNACK first and registers once the older session has closed; a client
  // that leaves in between is a dropped attempt (closing.ts).
  broker.on('client', (client) => {
    const s = ctx.sessions.of(client);
    if (s?.id === undefined || s.phase !== 'connecting') return;
    s.phase = 'connected';
    s.connectTime = Date.now();
    ctx.sessions.connected(s as Session & { id: ParsedClientId });
    ctx.recorder.connected(s as Session & { id: ParsedClientId }, s.connectTime);
  });
  broker.on('clientDisconnect', (client) => finishSession(ctx, ctx.sessions.of(client)));
  broker.on('keepaliveTimeout', (client) => ctx.sessions.of(client)?.closeWith(CloseCode.TimedOut));
  broker.on('clientError', (client, err) => connectionFailed(ctx, client, err));
  broker.on('connectionError', (client, err) => connectionFailed(ctx, client, err));
}

/** Past the threshold: CONNACK 3 (MQTT 3.1.1 has no "slow down"), close code 176, nothing checked. */
function tooMany(ctx: BrokerContext, s: Session, rawId: string, waitSeconds: number): AuthenticateError {
  s.phase = 'refused';
  s.closeWith(CloseCode.TooManyAuthRequests);
  const id = parseClientId(rawId);
  const why = `too many failed authentications; try again in ${waitSeconds} s`;
  if (id && id.orgId === ctx.org) {
    s.id = id;
    const at = Date.now();
    ctx.recorder.refused(
      s as Session & { id: ParsedClientId },
      CloseCode.TooManyAuthRequests,
      ConnackCode.ServerUnavailable,
      why,
      at,
    );
  }
  return refusal(why, ConnackCode.ServerUnavailable);
}

function refusal(message: string, returnCode: number): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}
