// TLS material for the sandbox's MQTTS, WSS and HTTPS listeners: a self-signed CA and a server
// certificate signed by it, generated once and kept in the data dir (the next start reuses them,
// so a device that trusts the CA keeps trusting it), or a certificate and key of the user's own.
// Node's crypto cannot make certificates; `selfsigned` does (WebCrypto underneath), loaded only
// when certificates are made (certs.ts).

import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { generate as Generate } from 'selfsigned';

const generate: typeof Generate = async (...args) => (await import('./certs')).generate(...args);

export interface TlsMaterial {
  /** Server certificate, PEM. */
  cert: string;
  /** Server private key, PEM. */
  key: string;
  /** The certificate a client trusts, PEM. */
  ca: string;
  /** Path of `ca`, to hand to device code and the extension. */
  caFile: string;
  /** The temporary directory the material was generated in (no data dir): its owner removes it on close. */
  tempDir?: string;
}

export interface TlsOptions {
  dataDir?: string;
  certFile?: string;
  keyFile?: string;
  /** Host names and addresses the server is reached by. */
  hosts: string[];
}

/** Names every sandbox certificate covers besides the hosts given. */
export const DEFAULT_SAN_HOSTS = ['localhost', '*.localhost', '*.messaging.localhost', '127.0.0.1', '::1'];

const DAY_MS = 86_400_000;
const CA_DAYS = 3650;
/** The longest server validity that Apple platforms accept even for user-trusted roots. */
const SERVER_DAYS = 825;
/** A kept server certificate closer than this to expiry is replaced. */
const RENEW_BEFORE_DAYS = 30;

function writePrivate(file: string, text: string, mode = 0o600): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode });
  fs.renameSync(tmp, file);
}

function readIfExists(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

function validity(days: number) {
  const notBeforeDate = new Date(Date.now() - DAY_MS); // a day of slack for clock skew
  return { notBeforeDate, notAfterDate: new Date(notBeforeDate.getTime() + days * DAY_MS) };
}

/** The SAN entries of the sandbox's certificate, as `DNS:x` / `IP Address:y` text and as selfsigned input. */
function sanEntries(hosts: string[]) {
  const names = [
    ...new Set([...hosts.map((h) => h.replace(/^\[|\]$/g, '')).filter((h) => h.length > 0), ...DEFAULT_SAN_HOSTS]),
  ];
  return names.map((name) =>
    isIP(name)
      ? { type: 7 as const, ip: name, text: `IP Address:${name}` }
      : { type: 2 as const, value: name, text: `DNS:${name}` },
  );
}

async function createCa(): Promise<{ cert: string; key: string }> {
  const pems = await generate(
    [
      { name: 'commonName', value: 'IoT Connectivity Sandbox CA' },
      { name: 'organizationName', value: 'IoT Connectivity Sandbox' },
    ],
    {
      keyType: 'rsa',
      keySize: 2048,
      algorithm: 'sha256',
      ...validity(CA_DAYS),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
      ],
    },
  );
  return { cert: pems.cert, key: pems.private };
}

async function createServerCert(
  ca: { cert: string; key: string },
  hosts: string[],
): Promise<{ cert: string; key: string }> {
  const pems = await generate(
    [
      { name: 'commonName', value: 'localhost' },
      { name: 'organizationName', value: 'IoT Connectivity Sandbox' },
    ],
    {
      keyType: 'rsa',
      keySize: 2048,
      algorithm: 'sha256',
      ...validity(SERVER_DAYS),
      ca,
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: sanEntries(hosts).map(({ text: _text, ...entry }) => entry) },
      ],
    },
  );
  return { cert: pems.cert, key: pems.private };
}

/** One spelling per address: node prints `::1` in a certificate as `0:0:0:0:0:0:0:1`. */
function canonicalSan(entry: string): string {
  const m = /^IP Address:(.*:.*)$/.exec(entry);
  return m ? `IP Address:${new URL(`http://[${m[1]}]`).hostname.slice(1, -1)}` : entry;
}

/** Whether a kept server certificate is signed by the CA, covers every name, and is not near expiry. */
function stillGood(certPem: string, caPem: string, hosts: string[]): boolean {
  try {
    const cert = new X509Certificate(certPem);
    const ca = new X509Certificate(caPem);
    const sans = new Set((cert.subjectAltName ?? '').split(', ').map(canonicalSan));
    return (
      cert.verify(ca.publicKey) &&
      new Date(cert.validTo).getTime() - Date.now() > RENEW_BEFORE_DAYS * DAY_MS &&
      sanEntries(hosts).every((e) => sans.has(canonicalSan(e.text)))
    );
  } catch {
    return false;
  }
}

async function generatedIn(dir: string, hosts: string[]): Promise<TlsMaterial> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = {
    ca: path.join(dir, 'ca.pem'),
    caKey: path.join(dir, 'ca-key.pem'),
    cert: path.join(dir, 'server.pem'),
    key: path.join(dir, 'server-key.pem'),
  };
  const caCert = readIfExists(files.ca),
    caKey = readIfExists(files.caKey);
  let ca: { cert: string; key: string };
  if (caCert !== undefined && caKey !== undefined) {
    ca = { cert: caCert, key: caKey };
  } else {
    ca = await createCa();
    writePrivate(files.caKey, ca.key);
    writePrivate(files.ca, ca.cert, 0o644);
  }
  const cert = readIfExists(files.cert),
    key = readIfExists(files.key);
  if (cert !== undefined && key !== undefined && stillGood(cert, ca.cert, hosts)) {
    return { cert, key, ca: ca.cert, caFile: files.ca };
  }
  const server = await createServerCert(ca, hosts);
  writePrivate(files.key, server.key);
  writePrivate(files.cert, server.cert, 0o644);
  return { ...server, ca: ca.cert, caFile: files.ca };
}

/**
 * The certificate and key for the sandbox's TLS listeners. With `certFile`/`keyFile` they are read
 * (the certificate is then also what clients trust); otherwise generated in `dataDir/tls`, or in a
 * fresh temporary directory when there is no data dir (`tempDir`, for the caller to remove).
 */
export async function ensureTlsMaterial(o: TlsOptions): Promise<TlsMaterial> {
  if (o.certFile !== undefined || o.keyFile !== undefined) {
    if (o.certFile === undefined || o.keyFile === undefined) {
      throw new Error('give both a certificate file and a key file, or neither');
    }
    const cert = fs.readFileSync(o.certFile, 'utf8');
    const key = fs.readFileSync(o.keyFile, 'utf8');
    // A clear error now rather than a handshake failure later.
    const publicOfKey = createPublicKey(createPrivateKey(key)).export({ type: 'spki', format: 'der' });
    if (!new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' }).equals(publicOfKey)) {
      throw new Error(`the key in ${o.keyFile} does not belong to the certificate in ${o.certFile}`);
    }
    return { cert, key, ca: cert, caFile: path.resolve(o.certFile) };
  }
  if (o.dataDir !== undefined) return generatedIn(path.join(o.dataDir, 'tls'), o.hosts);
  const tempDir = fs.mkdtempSync(path.join(tmpdir(), 'iot-sandbox-tls-'));
  return { ...(await generatedIn(tempDir, o.hosts)), tempDir };
}
