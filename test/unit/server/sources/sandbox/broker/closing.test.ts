// connectionFailed on its own: which errors aedes reports decide a close code, and which come
// after the session has ended and mean nothing new (the broker tests show both on real sockets).

import * as assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import type { Client } from 'aedes';
import { parseClientId } from '../../../../../../src/core/ids';
import { connectionFailed } from '../../../../../../src/server/sources/sandbox/broker/closing';
import type { BrokerContext } from '../../../../../../src/server/sources/sandbox/broker/context';
import { Session, type Phase } from '../../../../../../src/server/sources/sandbox/broker/session';
import { Sessions } from '../../../../../../src/server/sources/sandbox/broker/sessions';
import { memoryLogger } from '../../../../../../src/server/log';

function sessionIn(phase: Phase) {
  const log = memoryLogger();
  const sessions = new Sessions();
  const client = {} as Client;
  const s = new Session(client, { remoteAddress: '::ffff:10.1.2.3' } as Socket, {
    port: 1883,
    secure: false,
    websocket: false,
  });
  s.id = parseClientId('a:testor:app');
  s.phase = phase;
  sessions.add(s);
  const ctx = { sessions, log } as unknown as BrokerContext;
  return { s, lines: log.lines, fail: (message: string) => connectionFailed(ctx, client, new Error(message)) };
}

describe('sandbox broker: connectionFailed', () => {
  it('closes a connected session that sends what is not valid with 105, and says so', () => {
    const { s, lines, fail } = sessionIn('connected');
    fail('Invalid header flag bits');
    assert.equal(s.closeCode, 105);
    assert.deepEqual(lines, [
      'warn [sandbox] a:testor:app from 10.1.2.3: "Invalid header flag bits"; closing the connection (105)',
    ]);
  });

  it('ignores what aedes reports about a session that has already ended (a delivery after a clean DISCONNECT)', () => {
    const { s, lines, fail } = sessionIn('closed');
    fail('connection closed');
    assert.equal(s.closeCode, undefined);
    assert.deepEqual(lines, []);
  });

  it('closes a connection that sent no CONNECT in time with 164', () => {
    const { s, lines, fail } = sessionIn('opened');
    fail('connect did not arrive in time');
    assert.equal(s.closeCode, 164);
    assert.match(lines[0], /from 10\.1\.2\.3: "connect did not arrive in time"; closing the connection \(164\)$/);
  });
});
