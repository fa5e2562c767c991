// TLS against a real HTTPS server on loopback: the platform's CA accepted; a wrong CA, an expired
// certificate and a certificate for another host each reported as 'tls' with the reason.

import * as assert from 'node:assert/strict';
import { PlatformError } from '../../../../src/platform';
import { testCerts } from '../support/certs';
import { faultClient, failure } from '../support/clients';
import { json, startFaultServer, type FaultServer } from '../support/faultServer';

describe('platform REST client: TLS', function () {
  let server: FaultServer | undefined;
  afterEach(async () => server?.close());

  const ok = (_req: unknown, res: Parameters<typeof json>[0]) => json(res, 200, { enabled: true });

  async function tlsFailure(call: Promise<unknown>): Promise<PlatformError> {
    const error = await failure(call);
    assert.ok(error instanceof PlatformError);
    assert.equal(error.kind, 'tls', error.message);
    return error;
  }

  it('connects with the platform CA', async () => {
    const certs = await testCerts();
    server = await startFaultServer(ok, certs.good);
    const rest = faultClient(server.apiUrl, { ca: certs.ca });
    assert.deepEqual(await rest.verify(), { clientStateEnabled: true, orgId: 'tstorg' });
    rest.dispose();
  });

  it('reports a certificate from an unknown CA', async () => {
    const certs = await testCerts();
    server = await startFaultServer(ok, certs.good);
    const rest = faultClient(server.apiUrl, { ca: certs.otherCa });
    const error = await tlsFailure(rest.verify());
    assert.equal(error.tls, 'unknownCa');
    assert.match(error.message, /not signed by a CA this client trusts .* Set the platform's CA file/);
    assert.equal(server.requests.length, 0);
    rest.dispose();
  });

  it('reports an expired certificate', async () => {
    const certs = await testCerts();
    server = await startFaultServer(ok, certs.expired);
    const rest = faultClient(server.apiUrl, { ca: certs.ca });
    const error = await tlsFailure(rest.getClientStateConfig());
    assert.equal(error.tls, 'expired');
    assert.equal(error.code, 'CERT_HAS_EXPIRED');
    rest.dispose();
  });

  it('reports a certificate for another host name', async () => {
    const certs = await testCerts();
    server = await startFaultServer(ok, certs.wrongHost);
    const rest = faultClient(server.apiUrl, { ca: certs.ca });
    const error = await tlsFailure(rest.getClientStateConfig());
    assert.equal(error.tls, 'hostname');
    assert.match(error.message, /not issued for that host name/);
    rest.dispose();
  });

  it('reports an https URL pointed at a plain HTTP port as a TLS handshake failure', async () => {
    server = await startFaultServer(ok);
    const rest = faultClient(server.apiUrl.replace('http:', 'https:'));
    const error = await tlsFailure(rest.verify());
    assert.equal(error.tls, 'handshake');
    rest.dispose();
  });

  it('accepts any certificate only when rejectUnauthorized is false', async () => {
    const certs = await testCerts();
    server = await startFaultServer(ok, certs.wrongHost);
    const rest = faultClient(server.apiUrl, { rejectUnauthorized: false });
    assert.equal((await rest.verify()).clientStateEnabled, true);
    rest.dispose();
  });
});
