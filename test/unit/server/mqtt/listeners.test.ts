// The broker's listeners after they listen: an error on the server (a failed accept, e.g. EMFILE
// when the process is out of file descriptors) is logged and the listener keeps serving; unheard,
// an 'error' event would end the whole sandbox.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import WebSocket from 'ws';
import { listenMqtt, listenWebSocket, type Accept, type Listener } from '../../../../src/server/mqtt/listeners';
import { memoryLogger } from '../../../../src/server/log';
import { ensureTlsMaterial } from '../../../../src/server/tls';
import { nextEvent, waitFor } from '../../../support/waitFor';

function emfile(): NodeJS.ErrnoException {
  return Object.assign(new Error('accept EMFILE'), { code: 'EMFILE', errno: -24, syscall: 'accept' });
}

describe('sandbox broker: listeners keep serving after an error', () => {
  const log = memoryLogger();
  let accepted = 0;
  const accept: Accept = (conn) => {
    accepted++;
    conn.destroy();
  };
  let listener: Listener | undefined;
  afterEach(async () => listener?.close());

  async function outlivesErrors(l: Listener, connect: () => Promise<void>): Promise<void> {
    const before = log.lines.length;
    // Twice: the first error must not use up a one-time handler.
    for (let i = 0; i < 2; i++) l.server.emit('error', emfile());
    assert.deepEqual(
      log.lines.slice(before),
      Array(2).fill(`error [sandbox] listener on port ${l.port}: accept EMFILE; still serving`),
    );
    assert.ok(l.server.listening);
    const count = accepted;
    await connect();
    await waitFor('the next connection accepted', () => accepted === count + 1);
  }

  it('MQTT over TCP', async () => {
    listener = await listenMqtt('127.0.0.1', 0, accept, log);
    const port = listener.port;
    await outlivesErrors(listener, async () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('error', () => {});
      await nextEvent(socket, 'close');
    });
  });

  it('MQTT over WebSocket (its HTTP server)', async () => {
    listener = await listenWebSocket('127.0.0.1', 0, accept, log);
    const port = listener.port;
    await outlivesErrors(listener, async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/mqtt`, 'mqtt');
      ws.on('error', () => {});
      await nextEvent(ws, 'close');
    });
  });
});

describe('sandbox broker: listeners send each packet at once', () => {
  const accept: Accept = (conn) => conn.destroy();
  const listeners: Listener[] = [];
  afterEach(async () => Promise.all(listeners.splice(0).map((l) => l.close())));

  // Nagle's algorithm holds a small write until the last one is acknowledged; a subscriber's
  // delayed ACK then holds a monitor message up to 40 ms. Every listener turns it off.
  it('turns off Nagle on MQTT over TCP, TLS and WebSocket', async () => {
    const log = memoryLogger();
    const material = await ensureTlsMaterial({ hosts: ['127.0.0.1'] });
    try {
      const { cert, key } = material;
      listeners.push(
        await listenMqtt('127.0.0.1', 0, accept, log),
        await listenMqtt('127.0.0.1', 0, accept, log, { cert, key }),
        await listenWebSocket('127.0.0.1', 0, accept, log),
        await listenWebSocket('127.0.0.1', 0, accept, log, { cert, key }),
      );
      for (const l of listeners) assert.equal((l.server as net.Server & { noDelay?: boolean }).noDelay, true);
    } finally {
      if (material.tempDir) fs.rmSync(material.tempDir, { recursive: true, force: true });
    }
  });
});
