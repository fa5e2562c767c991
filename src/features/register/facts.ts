// What device code needs to connect as a registered device (platform-contract.md §1), taken from the platform's
// MQTT URL (no `vscode` import; unit-tested): where, with TLS or not and which CA, as whom.

import * as l10n from '@vscode/l10n';

export const DEVICE_USERNAME = 'use-token-auth';

export interface ConnectionFacts {
  /** mqtt, mqtts, ws or wss. */
  readonly scheme: 'mqtt' | 'mqtts' | 'ws' | 'wss';
  readonly host: string;
  readonly port: number;
  /** `/mqtt` for WebSocket, '' otherwise. */
  readonly path: string;
  readonly tls: boolean;
  readonly websocket: boolean;
  /** PEM file of the CA that signs the platform's certificate; undefined: the system's CAs. */
  readonly caFile?: string;
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
}

const DEFAULT_PORTS = { mqtt: 1883, mqtts: 8883, ws: 80, wss: 443 } as const;

export interface FactsInput {
  readonly mqttUrl: string | undefined;
  readonly caFile?: string;
  readonly clientId: string;
  readonly token: string;
}

export function connectionFacts(o: FactsInput): ConnectionFacts {
  if (!o.mqttUrl) {
    throw new Error(l10n.t('The platform has no MQTT URL: add "mqttUrl" to its settings to connect devices.'));
  }
  let url: URL;
  try {
    url = new URL(o.mqttUrl);
  } catch {
    throw new Error(l10n.t("The platform's MQTT URL is not a URL."));
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (!(scheme in DEFAULT_PORTS)) {
    throw new Error(
      l10n.t(
        "The platform's MQTT URL must start with mqtt://, mqtts://, ws:// or wss://, not {0}://.",
        scheme.slice(0, 10),
      ),
    );
  }
  const s = scheme as keyof typeof DEFAULT_PORTS;
  const websocket = s === 'ws' || s === 'wss';
  const tls = s === 'mqtts' || s === 'wss';
  return {
    scheme: s,
    // An IPv6 host comes bracketed from URL; the client libraries take it bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : DEFAULT_PORTS[s],
    path: websocket ? (url.pathname && url.pathname !== '/' ? url.pathname : '/mqtt') : '',
    tls,
    websocket,
    caFile: tls ? o.caFile : undefined,
    clientId: o.clientId,
    username: DEVICE_USERNAME,
    password: o.token,
  };
}

/** The URL device code connects to, e.g. mqtt://127.0.0.1:1883 or wss://host:443/mqtt. */
export function brokerUrl(f: ConnectionFacts, scheme: string = f.scheme): string {
  const host = f.host.includes(':') ? `[${f.host}]` : f.host;
  return `${scheme}://${host}:${f.port}${f.path}`;
}
