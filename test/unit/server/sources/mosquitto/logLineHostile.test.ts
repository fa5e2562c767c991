// The Mosquitto log reader against lines made to mislead it: ids and user names that hold the
// line's own words, other timestamp forms, IPv6, unknown and hostile text, and long inputs that
// would take a backtracking reader quadratic time.

import * as assert from 'node:assert';
import { readMosquittoLog } from '../../../../../src/server/sources/mosquitto/logLine';
import { HOSTILE_STRINGS } from '../../../core/hostile';
import { assertLinear } from '../../../../support/linear';

const N = '$SYS/broker/log/N';
const read = (payload: string) => readMosquittoLog(N, payload);

describe('server/sources/mosquitto/logLine: made-up lines', () => {
  it('takes the id up to the last fields, and the user name from the rightmost ", u\'" after them', () => {
    const e = read(
      "1: New client connected from 10.0.0.7:4242 as a (p2, c1, k60, u'x') as b (p5, c0, k7, u'it''s, u'me').",
    );
    assert.ok(e.kind === 'connect');
    assert.deepStrictEqual(
      [e.clientId, e.protocol, e.cleanSession, e.keepAliveSeconds, e.username],
      ["a (p2, c1, k60, u'x') as b", 'mqtt5', false, 7, "it''s, u'me"],
    );
    const plain = read('1: New client connected from 10.0.0.7:4242 as x as y (p2, c1, k60). (p2, c1, k0).');
    assert.ok(plain.kind === 'connect' && plain.clientId === 'x as y (p2, c1, k60).' && plain.keepAliveSeconds === 0);
  });

  it('reads IPv6 addresses, bridges, and lines without or with another timestamp', () => {
    const v6 = read('New client connected from ::ffff:10.1.2.3:50000 as dev (p2, c1, k30).');
    assert.ok(v6.kind === 'connect' && v6.address === '::ffff:10.1.2.3' && v6.port === 50000 && v6.time === undefined);
    const bridge = read('2024-05-01T10:00:00: New bridge connected from 10.0.0.1:1234 as edge.bridge (p3, c0, k60).');
    assert.ok(
      bridge.kind === 'connect' && bridge.bridge && bridge.protocol === 'mqtt4' && bridge.clientId === 'edge.bridge',
    );
    const conn = read('1700000000: New connection from ::1:61000 on port 1883.');
    assert.ok(
      conn.kind === 'connection' &&
        conn.address === '::1' &&
        conn.port === 61000 &&
        conn.listenerPort === 1883 &&
        conn.time === 1700000000,
    );
  });

  it('reads the other client lines of Mosquitto 2.0', () => {
    const cases: [string, Record<string, unknown>][] = [
      [
        'Client d1 disconnected: Connection reset by peer.',
        {
          kind: 'disconnect',
          cause: 'socketError',
          clientId: 'd1',
          detail: 'Connection reset by peer',
          closeCode: undefined,
        },
      ],
      [
        'Bad socket read/write on client d: 2: Unknown error.',
        { kind: 'disconnect', cause: 'socketError', clientId: 'd: 2', detail: 'Unknown error.' },
      ],
      [
        'Client a b been disconnected by administrative action.',
        { kind: 'disconnect', cause: 'administrative', clientId: 'a b', closeCode: 94, initiator: 'server' },
      ],
      [
        'Client c disconnected due to oversize payload.',
        { kind: 'disconnect', cause: 'oversizePayload', closeCode: 287 },
      ],
      [
        'Client c disconnected due to out of memory.',
        { kind: 'disconnect', cause: 'outOfMemory', closeCode: undefined },
      ],
      ['Expiring client old due to timeout.', { kind: 'sessionExpired', clientId: 'old' }],
      ['Bad client twice sending multiple CONNECT messages.', { kind: 'multipleConnect', clientId: 'twice' }],
      [
        'Client Client x disconnected. disconnected.',
        { kind: 'disconnect', clientId: 'Client x disconnected.', closeCode: 0 },
      ],
      ['Client  disconnected.', { kind: 'disconnect', clientId: '' }],
    ];
    for (const [line, expected] of cases) {
      const e = read(`1700000000: ${line}`) as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(expected)) assert.deepStrictEqual(e[k], v, `${line} ${k}`);
    }
  });

  it('keeps every unknown or broken line as other, with its text', () => {
    for (const text of [
      ...HOSTILE_STRINGS,
      'Client ',
      'New client connected from nowhere as x (p2, c1, k60).',
      'New client connected from 1.2.3.4:99999 as x (p2, c1, k60).',
      'New client connected from 1.2.3.4:5 as x (p2, c1, k60',
      'New client connected from 1.2.3.4:5 as x (p2, c2, k60).',
      'Expiring client due to timeout.',
      'Saving in-memory database to /var/lib/mosquitto/mosquitto.db.',
    ]) {
      const e = read(text);
      assert.strictEqual(e.kind, 'other', text.slice(0, 60));
      assert.strictEqual(e.line, text);
    }
    assert.strictEqual(readMosquittoLog('not/a/log/topic', Buffer.from([0xff, 0xfe, 0x00])).kind, 'other');
  });

  it("reads a megabyte of the line's own words in linear time", () => {
    const parts = [" (p2, c1, k60, u'", ", u'", ' (p', ' as ', ').', 'Client ', ' disconnected: '];
    for (const part of parts) {
      const junk = (n: number) => part.repeat(Math.ceil(n / part.length));
      const lines: [string, (n: number) => string][] = [
        ['connect', (n) => `New client connected from 1.2.3.4:5 as ${junk(n)}')`],
        ['connect.', (n) => `New client connected from 1.2.3.4:5 as ${junk(n)}').`],
        ['client', (n) => `Client ${junk(n)}.`],
        ['bare', junk],
      ];
      // Linear: a megabyte in tens of ms, 16 times a sixteenth. Quadratic on a megabyte: minutes.
      for (const [what, make] of lines) assertLinear(`${JSON.stringify(part)} ${what}`, make, read, 65_536);
    }
  });
});
