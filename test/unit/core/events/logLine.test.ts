import * as assert from 'node:assert/strict';
import { readLogLine } from '../../../../src/core/events';
import {
  apiKeyAuthFailed,
  apiKeyAuthSucceeded,
  closedConnection,
  tokenAuthFailed,
  tokenAuthSucceeded,
} from '../../../../src/core/connectionLog';
import { CLOSE_CODES } from '../../../../src/core/closeCodes';
import { HOSTILE_STRINGS } from '../hostile';

describe('core/events/logLine', () => {
  it("reads the platform's auth lines (platform-contract.md §3)", () => {
    assert.deepEqual(
      readLogLine("Token auth succeeded: ClientID='d:1cv8gl:inforce:ifc6309', ClientIP=223.227.12.217"),
      {
        type: 'auth',
        succeeded: true,
        method: 'token',
        clientId: 'd:1cv8gl:inforce:ifc6309',
        clientIp: '223.227.12.217',
      },
    );
  });
  it('reads every auth line the sandbox writes', () => {
    const cases = [
      [tokenAuthSucceeded('d:o:t:x', '10.0.0.1'), true, 'token'],
      [tokenAuthFailed('d:o:t:x', '10.0.0.1'), false, 'token'],
      [apiKeyAuthSucceeded('a:o:app', '10.0.0.1'), true, 'apiKey'],
      [apiKeyAuthFailed('a:o:app', '10.0.0.1'), false, 'apiKey'],
    ] as const;
    for (const [line, succeeded, method] of cases) {
      const fact = readLogLine(line);
      assert.equal(fact.type, 'auth', line);
      if (fact.type !== 'auth') continue;
      assert.equal(fact.succeeded, succeeded);
      assert.equal(fact.method, method);
      assert.equal(fact.clientIp, '10.0.0.1');
    }
  });
  it('keeps a hostile client id whole, even one with quotes and a fake ClientIP inside', () => {
    const id = "d:o:t:x', ClientIP=6.6.6.6 <img onerror=x>";
    const fact = readLogLine(tokenAuthSucceeded(id, '10.0.0.1'));
    assert.equal(fact.type, 'auth');
    if (fact.type === 'auth') {
      assert.equal(fact.clientId, id);
      assert.equal(fact.clientIp, '10.0.0.1');
    }
  });
  it('reads IPv6 addresses', () => {
    const fact = readLogLine("Token auth succeeded: ClientID='d:o:t:x', ClientIP=::ffff:127.0.0.1");
    assert.equal(fact.type === 'auth' && fact.clientIp, '::ffff:127.0.0.1');
    const closed = readLogLine('Closed connection from ::1. The connection timed out.');
    assert.deepEqual(closed, { type: 'closed', clientIp: '::1', reason: 'The connection timed out.' });
  });
  it("reads every seen close wording, and the sandbox's for every code", () => {
    assert.deepEqual(readLogLine('Closed connection from 195.212.29.58. The connection timed out.'), {
      type: 'closed',
      clientIp: '195.212.29.58',
      reason: 'The connection timed out.',
    });
    assert.deepEqual(readLogLine('Closed connection. The connection was closed by the client or network (5)'), {
      type: 'closed',
      reason: 'The connection was closed by the client or network (5)',
    });
    assert.deepEqual(readLogLine('Closed connection from 10.1.2.3.'), {
      type: 'closed',
      clientIp: '10.1.2.3',
      reason: '',
    });
    for (const info of CLOSE_CODES) {
      const fact = readLogLine(closedConnection('10.1.2.3', info.code));
      assert.deepEqual(fact, { type: 'closed', clientIp: '10.1.2.3', reason: `${info.reason}.` });
    }
  });
  it('calls everything else other', () => {
    for (const line of ['Device rebooted', 'Token auth maybe: x', 'closed', 'Closed connectionfrom x', '']) {
      assert.equal(readLogLine(line).type, 'other', line);
    }
    assert.equal(readLogLine(7 as unknown as string).type, 'other');
  });
  it('reads hostile and huge lines without throwing', () => {
    // A backtracking pattern would take minutes on these and fail by the mocha timeout.
    for (const s of HOSTILE_STRINGS) assert.ok(['auth', 'closed', 'other'].includes(readLogLine(s).type));
  });
});
