// Requests that end without a reply — the client leaves mid-body, or the server cuts a body far
// past its cap — are not failures of the server: an info line each, never an error line or a 500.

import * as assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { waitFor } from '../../../support/waitFor';
import { API_KEY, API_TOKEN, basic, startFixture, type ApiFixture } from './fixture';

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

function head(extra: string): string {
  return (
    'POST /api/v0002/device/types HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
    `Authorization: ${basic(API_KEY, API_TOKEN)}\r\nContent-Type: application/json\r\n${extra}\r\n`
  );
}

describe('sandbox REST: requests that end without a reply', () => {
  let api: ApiFixture;
  beforeEach(async () => (api = await startFixture()));
  afterEach(() => api.close());

  const errorLines = () => api.lines.filter((l) => l.startsWith('error'));

  it('a client that leaves in the middle of its body: an info line, no error, no 500', async () => {
    const socket = await open(api.server.port);
    // Expect: 100-continue: the server's "100 Continue" says its handler has the request.
    let got = '';
    socket.on('data', (d) => (got += d.toString('latin1')));
    socket.write(head('Content-Length: 1000\r\nExpect: 100-continue\r\n'));
    await waitFor('100 Continue', () => got.startsWith('HTTP/1.1 100'));
    socket.write('{"id": "half');
    socket.destroy();
    await waitFor('the line about the closed connection', () =>
      api.lines.find((l) => l.includes('the connection closed before the reply')),
    );
    assert.deepEqual(errorLines(), []);
    assert.ok(!api.lines.some((l) => l.includes('→ 500')), api.lines.join('\n'));
    assert.equal((await api.call('/config/clientstate')).status, 200, 'and it keeps serving');
  });

  it('a body the server cuts past 1 MiB: answered 413 where it can be, an info line, no error', async () => {
    const socket = await open(api.server.port);
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.write(head('Transfer-Encoding: chunked\r\n'));
    const chunk = `10000\r\n${'x'.repeat(0x10000)}\r\n`;
    let isOpen = true;
    void closed.then(() => (isOpen = false));
    for (let i = 0; i < 64 && isOpen; i++) {
      if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r).once('close', r));
    }
    await closed;
    await waitFor('the line about the cut request', () =>
      api.lines.find((l) => l.includes('POST') && (l.includes('413') || l.includes('closed'))),
    );
    assert.deepEqual(errorLines(), []);
    assert.ok(!api.lines.some((l) => l.includes('→ 500')), api.lines.join('\n'));
  });
});
