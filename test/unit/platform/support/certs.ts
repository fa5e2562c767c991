// Certificates for TLS fault tests: a CA with a good server certificate for 127.0.0.1, an expired
// one, one for another host name, and a second CA that signed none of them. Made once per run.

import { generate } from 'selfsigned';

export interface TestCerts {
  readonly ca: string;
  readonly otherCa: string;
  readonly good: { key: string; cert: string };
  readonly expired: { key: string; cert: string };
  readonly wrongHost: { key: string; cert: string };
}

const DAY = 86_400_000;
let made: Promise<TestCerts> | undefined;

async function makeCa(name: string) {
  return generate([{ name: 'commonName', value: name }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true },
    ],
  });
}

async function serverCert(
  ca: { private: string; cert: string },
  host: { dns?: string; ip?: string },
  validity?: { notBeforeDate: Date; notAfterDate: Date },
) {
  const pems = await generate([{ name: 'commonName', value: host.dns ?? host.ip ?? 'server' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    ...validity,
    extensions: [
      { name: 'subjectAltName', altNames: [host.dns ? { type: 2, value: host.dns } : { type: 7, ip: host.ip }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

export function testCerts(): Promise<TestCerts> {
  made ??= (async () => {
    const ca = await makeCa('Platform test CA');
    const other = await makeCa('Some other CA');
    const now = Date.now();
    return {
      ca: ca.cert,
      otherCa: other.cert,
      good: await serverCert(ca, { ip: '127.0.0.1' }),
      expired: await serverCert(
        ca,
        { ip: '127.0.0.1' },
        { notBeforeDate: new Date(now - 30 * DAY), notAfterDate: new Date(now - DAY) },
      ),
      wrongHost: await serverCert(ca, { dns: 'platform.example' }),
    };
  })();
  return made;
}
