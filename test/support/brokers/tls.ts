// TLS files for a broker's listener in tests: a CA and a server certificate it signed, for
// 127.0.0.1 and localhost, written as PEM files into a directory.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate } from 'selfsigned';

export interface TlsFiles {
  /** The CA certificate clients trust, PEM, and its file. */
  readonly ca: string;
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

export async function writeTlsFiles(dir: string): Promise<TlsFiles> {
  const ca = await generate([{ name: 'commonName', value: 'Broker test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  const files = {
    caFile: path.join(dir, 'ca.pem'),
    certFile: path.join(dir, 'server.pem'),
    keyFile: path.join(dir, 'server-key.pem'),
  };
  fs.writeFileSync(files.caFile, ca.cert);
  fs.writeFileSync(files.certFile, server.cert);
  fs.writeFileSync(files.keyFile, server.private, { mode: 0o600 });
  return { ca: ca.cert, ...files };
}
