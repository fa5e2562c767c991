import * as assert from 'assert';
import {
  decodeAddress,
  endpointKey,
  normalAddress,
  parseProcNetTcp,
  type ProcSocket,
} from '../../../../src/features/debug/procNet';
import { CAPTURED, PROC_NET_TCP, PROC_NET_TCP6 } from './procNetFixtures';

const key = (s: ProcSocket) => `${endpointKey(s.local)} ${endpointKey(s.remote)} ${s.state}`;

describe('procNet: /proc/net/tcp and tcp6 as sockets', () => {
  it('reads the captured IPv4 table: listener, established pairs, a TIME_WAIT with inode 0', () => {
    const sockets = parseProcNetTcp(PROC_NET_TCP, 'tcp');
    assert.strictEqual(sockets.length, 5, 'the header is not a socket');
    const { v4Port, dualPort, fromV4ToDual, fromV4ToV4 } = CAPTURED;
    assert.deepStrictEqual(sockets.map(key), [
      `127.0.0.1:${v4Port} 0.0.0.0:0 LISTEN`,
      '127.0.0.1:48438 127.0.0.1:34811 TIME_WAIT',
      `127.0.0.1:${fromV4ToV4} 127.0.0.1:${v4Port} ESTABLISHED`,
      `127.0.0.1:${v4Port} 127.0.0.1:${fromV4ToV4} ESTABLISHED`,
      `127.0.0.1:${fromV4ToDual} 127.0.0.1:${dualPort} ESTABLISHED`,
    ]);
    assert.deepStrictEqual(
      sockets.map((s) => s.inode),
      ['71942', '0', '71947', '71948', '71943'],
    );
    assert.ok(sockets.every((s) => s.uid === 0 && s.table === 'tcp'));
  });

  it("reads the captured IPv6 table; the dual-stack server's IPv4-mapped side comes out as IPv4", () => {
    const sockets = parseProcNetTcp(PROC_NET_TCP6, 'tcp6');
    const { dualPort, fromV4ToDual, fromV6ToDual } = CAPTURED;
    assert.deepStrictEqual(sockets.map(key), [
      `[::]:${dualPort} [::]:0 LISTEN`,
      `127.0.0.1:${dualPort} 127.0.0.1:${fromV4ToDual} ESTABLISHED`,
      `[::1]:${fromV6ToDual} [::1]:${dualPort} ESTABLISHED`,
      `[::1]:${dualPort} [::1]:${fromV6ToDual} ESTABLISHED`,
    ]);
    assert.deepStrictEqual(
      sockets.map((s) => s.inode),
      ['71941', '71944', '71945', '71946'],
    );
    assert.ok(sockets.every((s) => s.table === 'tcp6'));
  });

  it('pairs the two ends of a loopback connection by endpoint, across the tables', () => {
    const all = [...parseProcNetTcp(PROC_NET_TCP, 'tcp'), ...parseProcNetTcp(PROC_NET_TCP6, 'tcp6')];
    const client = all.find((s) => s.local.port === CAPTURED.fromV4ToDual);
    assert.ok(client);
    const server = all.filter((s) => endpointKey(s.remote) === endpointKey(client.local));
    assert.deepStrictEqual(
      server.map((s) => [s.table, endpointKey(s.local)]),
      [['tcp6', `127.0.0.1:${CAPTURED.dualPort}`]],
    );
  });

  it("decodes addresses in the kernel's word order, either endianness", () => {
    assert.strictEqual(decodeAddress('0100007F'), '127.0.0.1');
    assert.strictEqual(decodeAddress('7F000001', false), '127.0.0.1');
    assert.strictEqual(decodeAddress('00000000000000000000000001000000'), '::1');
    assert.strictEqual(decodeAddress('0000000000000000FFFF00000100007F'), '127.0.0.1');
    // 2001:db8::8a2e:370:7334, written word by word in little-endian order
    assert.strictEqual(decodeAddress('B80D0120000000002E8A000034737003'), '2001:db8::8a2e:370:7334');
    assert.strictEqual(decodeAddress('20010DB80000000000008A2E03707334', false), '2001:db8::8a2e:370:7334');
    // fe80::1:0:0:5 — of two zero runs the longer is compressed; a single zero group is not
    assert.strictEqual(decodeAddress('000080FE000000000000010005000000'), 'fe80::1:0:0:5');
    assert.strictEqual(decodeAddress('B80D0120010000000200000003000000'), '2001:db8:0:1:0:2:0:3');
    for (const bad of ['', '0100007', 'XYZ0007F', '0100007F00']) assert.strictEqual(decodeAddress(bad), undefined, bad);
  });

  it('skips lines it cannot read instead of throwing', () => {
    /* eslint-disable max-len -- kernel table lines, verbatim */
    const text = [
      'garbage',
      '   0: 0100007F:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1062 1 0 100 0 0 10 0',
      '   1: 0100007Z:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1063 1 0 100 0 0 10 0',
      '   2: 0100007F:07E8 00000000:0000',
      '   3: 0100007F:07E8 00000000:0000 FF 00000000:00000000 00:00000000 00000000  1000        0 77 1 0 100 0 0 10 0',
      '',
    ].join('\n');
    /* eslint-enable max-len */
    const sockets = parseProcNetTcp(text, 'tcp');
    assert.deepStrictEqual(
      sockets.map((s) => [endpointKey(s.local), s.state, s.uid, s.inode]),
      [
        ['127.0.0.1:2024', 'LISTEN', 0, '1062'],
        ['127.0.0.1:2024', 'UNKNOWN', 1000, '77'],
      ],
    );
  });

  it('normalises addresses as Node and brokers report them', () => {
    assert.strictEqual(normalAddress('::ffff:127.0.0.1'), '127.0.0.1');
    assert.strictEqual(normalAddress('::FFFF:10.1.2.3'), '10.1.2.3');
    assert.strictEqual(normalAddress('::1'), '::1');
    assert.strictEqual(normalAddress('192.168.0.9'), '192.168.0.9');
  });
});
