// How a connection ends and which close code it gets (platform-contract.md §4.3). A cause decided by the broker
// (288, 180, 287, 154, 160, 94, 93, 105, 164) is set on the session first; otherwise an MQTT
// DISCONNECT means 0 and a socket that just closed means 91. MQTT 3.1.1 has no server
// DISCONNECT, so "the server closes with X" is: record X, then end the socket.

import type { Client } from 'aedes';
import { CloseCode } from '../../../../core/closeCodes';
import type { ParsedClientId } from '../../../../core/ids';
import { PolicyClose, type BrokerContext } from './context';
import { describeText, type Session } from './session';

/** The server closes a connection with a code of its choosing (admin 94, shutdown 93). */
export function closeSession(s: Session, code: number): void {
  s.closeWith(code);
  s.client.close();
}

/** A connected session ended: record it once. */
export function finishSession(ctx: BrokerContext, s: Session | undefined): void {
  if (s === undefined || s.phase !== 'connected' || s.id === undefined) return;
  s.phase = 'closed';
  ctx.sessions.ended(s);
  const code = s.closeCode ?? (sentDisconnect(s.client) ? CloseCode.Normal : CloseCode.ClosedByClient);
  ctx.recorder.disconnected(s as Session & { id: ParsedClientId }, code, Date.now());
}

/** The socket under a session closed; whatever aedes did or did not report, the session ends here. */
export function socketClosed(ctx: BrokerContext, s: Session): void {
  if (s.phase === 'connected') return finishSession(ctx, s);
  if (s.phase === 'connecting' && s.id !== undefined) {
    // Authenticated (a refused one is in phase 'refused'), but gone before its CONNACK: a failed
    // attempt whose token was right.
    s.phase = 'closed';
    ctx.recorder.dropped(s as Session & { id: ParsedClientId }, s.closeCode ?? CloseCode.ClosedByClient, Date.now());
  }
  s.phase = 'closed';
  ctx.sessions.ended(s);
}

/** aedes reports errors of a connection before it closes it: decide the code they mean. */
export function connectionFailed(ctx: BrokerContext, client: Client, err: Error): void {
  const s = ctx.sessions.of(client);
  // A session already ended (a clean DISCONNECT, say) is recorded: what aedes reports after that,
  // e.g. "connection closed" for a delivery still under way, is no new cause.
  if (
    s === undefined ||
    err instanceof PolicyClose ||
    'errorCode' in err ||
    s.phase === 'refused' ||
    s.phase === 'closed'
  ) {
    return;
  }
  const who = `${s.id?.raw ?? (s.rawId !== undefined ? describeText(s.rawId) : 'a client')} from ${s.clientAddr}`;
  if ('syscall' in err) {
    // The link itself failed (ECONNRESET, EPIPE): the client's side closed; 91 stands.
    ctx.log.info(`${who}: ${err.message}`);
    return;
  }
  if (err.message === 'connect did not arrive in time') s.closeWith(CloseCode.NoData);
  else s.closeWith(CloseCode.InvalidData);
  ctx.log.warn(`${who}: ${describeText(err.message, 200)}; closing the connection (${s.closeCode})`);
}

/** Whether the client sent MQTT DISCONNECT; aedes keeps it to decide on the will. */
function sentDisconnect(client: Client): boolean {
  return (client as Client & { _disconnected?: boolean })._disconnected === true;
}
