import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureTlsMaterial } from '../../../src/server/tls';
import { API_KEY, API_TOKEN, basic, rawExchange, startFixture } from './http/fixture';

/** GET over HTTPS trusting only `ca` (not the system roots); resolves with the status. */
function getTrusting(url: string, ca: string | undefined, servername?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      url,
      { ca, headers: { authorization: basic(API_KEY, API_TOKEN) }, ...(servername ? { servername } : {}) },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
  });
}

describe('sandbox TLS material', function () {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'sandbox-tls-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('makes a CA and a server certificate it signed, covering the hosts given and the local names', async () => {
    const m = await ensureTlsMaterial({ dataDir: dir, hosts: ['127.0.0.1', 'sandbox.example.test', '10.1.2.3'] });
    assert.equal(m.caFile, path.join(dir, 'tls', 'ca.pem'));
    assert.equal(fs.readFileSync(m.caFile, 'utf8'), m.ca);
    const cert = new X509Certificate(m.cert);
    const ca = new X509Certificate(m.ca);
    assert.ok(cert.verify(ca.publicKey), 'signed by the CA');
    assert.ok(ca.ca, 'the CA is a CA');
    assert.ok(!cert.ca, 'the server certificate is not');
    const sans = cert.subjectAltName ?? '';
    for (const want of [
      'DNS:localhost',
      'DNS:*.localhost',
      'DNS:*.messaging.localhost',
      'DNS:sandbox.example.test',
      'IP Address:127.0.0.1',
      'IP Address:10.1.2.3',
    ]) {
      assert.ok(sans.includes(want), `${want} in ${sans}`);
    }
    assert.match(sans, /IP Address:(::1|0:0:0:0:0:0:0:1)/);
    assert.equal(fs.statSync(path.join(dir, 'tls', 'ca-key.pem')).mode & 0o077, 0, 'keys are private to the user');
  });

  it(
    'reuses the kept material on the next start, and re-issues only the server certificate for a new ' + 'host',
    async () => {
      const first = await ensureTlsMaterial({ dataDir: dir, hosts: ['127.0.0.1'] });
      const again = await ensureTlsMaterial({ dataDir: dir, hosts: ['127.0.0.1'] });
      assert.deepEqual(again, first);
      const wider = await ensureTlsMaterial({ dataDir: dir, hosts: ['127.0.0.1', 'other.test'] });
      assert.equal(wider.ca, first.ca, 'devices that trust the CA keep trusting it');
      assert.notEqual(wider.cert, first.cert);
      assert.ok((new X509Certificate(wider.cert).subjectAltName ?? '').includes('DNS:other.test'));
    },
  );

  it("reads a certificate and key of the user's own, and refuses a key of another certificate", async () => {
    const a = await ensureTlsMaterial({ dataDir: path.join(dir, 'a'), hosts: [] });
    const b = await ensureTlsMaterial({ dataDir: path.join(dir, 'b'), hosts: [] });
    const certFile = path.join(dir, 'cert.pem'),
      keyFile = path.join(dir, 'key.pem'),
      otherKey = path.join(dir, 'other-key.pem');
    fs.writeFileSync(certFile, a.cert);
    fs.writeFileSync(keyFile, a.key);
    fs.writeFileSync(otherKey, b.key);
    const own = await ensureTlsMaterial({ certFile, keyFile, hosts: [] });
    assert.deepEqual(own, { cert: a.cert, key: a.key, ca: a.cert, caFile: certFile });
    await assert.rejects(ensureTlsMaterial({ certFile, keyFile: otherKey, hosts: [] }), /does not belong/);
    await assert.rejects(ensureTlsMaterial({ certFile, hosts: [] }), /both/);
  });

  it('serves the REST API over HTTPS to a client that trusts only the generated CA', async () => {
    const m = await ensureTlsMaterial({ dataDir: dir, hosts: ['127.0.0.1'] });
    const api = await startFixture({ tls: { cert: m.cert, key: m.key } });
    try {
      assert.match(api.server.url, /^https:\/\/127\.0\.0\.1:\d+\/api\/v0002$/);
      assert.equal(await getTrusting(`${api.server.url}/config/clientstate`, fs.readFileSync(m.caFile, 'utf8')), 200);
      const local = api.server.url.replace('127.0.0.1', 'localhost');
      assert.equal(await getTrusting(`${local}/config/clientstate`, m.ca), 200);
      await assert.rejects(
        getTrusting(`${api.server.url}/config/clientstate`, undefined),
        /self[- ]signed|unable to (get|verify)/i,
      );
      const other = await ensureTlsMaterial({ dataDir: path.join(dir, 'other'), hosts: [] });
      await assert.rejects(getTrusting(`${api.server.url}/config/clientstate`, other.ca));
    } finally {
      await api.close();
    }
  });

  it('closes a plaintext or garbage connection to the HTTPS port with a log line, and keeps serving', async () => {
    const m = await ensureTlsMaterial({ dataDir: dir, hosts: ['127.0.0.1'] });
    const api = await startFixture({ tls: { cert: m.cert, key: m.key } });
    try {
      await rawExchange(api.server.port, 'GET /api/v0002/config/clientstate HTTP/1.1\r\nHost: x\r\n\r\n');
      await rawExchange(api.server.port, Buffer.alloc(64, 0xff));
      assert.ok(api.lines.filter((l) => /TLS handshake failed/.test(l)).length >= 2, api.lines.join('\n'));
      assert.equal(await getTrusting(`${api.server.url}/config/clientstate`, m.ca), 200);
    } finally {
      await api.close();
    }
  });
});
