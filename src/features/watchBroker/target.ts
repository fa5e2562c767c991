// The broker "Watch a Broker…" observes (no `vscode` import; unit-tested): its URLs without
// credentials, the user name, the CA file — what may be kept in global state — and, with the
// password from secret storage, the server's command line (platform-contract.md §7, the server's observe flags).
// Passwords travel only inside the URLs given to the child process; nothing here logs or keeps them.

import { createHash } from 'crypto';

export type BrokerKind = 'mosquitto' | 'rabbitmq';

export type BrokerTarget =
  | { readonly kind: 'mosquitto'; readonly url: string; readonly user?: string; readonly caFile?: string }
  | {
      readonly kind: 'rabbitmq';
      readonly managementUrl: string;
      readonly amqpUrl: string;
      readonly user: string;
      readonly caFile?: string;
    };

/** Each URL field: its schemes and an example for the prompt. */
export const URL_FIELDS = {
  mosquitto: { schemes: ['mqtt', 'mqtts'], example: 'mqtt://localhost:1883' },
  management: { schemes: ['http', 'https'], example: 'http://localhost:15672' },
  amqp: { schemes: ['amqp', 'amqps'], example: 'amqp://localhost:5672' },
} as const;
export type UrlField = keyof typeof URL_FIELDS;

export type UrlProblem = 'notUrl' | 'scheme' | 'noHost' | 'credentials' | 'path';

/** Why `text` is not a URL of `field` (undefined when it is one). Credentials are asked for apart, never in it. */
export function urlProblem(field: UrlField, text: string): UrlProblem | undefined {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return 'notUrl';
  }
  if (!(URL_FIELDS[field].schemes as readonly string[]).includes(u.protocol.slice(0, -1))) return 'scheme';
  if (u.hostname === '') return 'noHost';
  if (u.username !== '' || u.password !== '') return 'credentials';
  if (field !== 'management' && u.pathname !== '' && u.pathname !== '/') return 'path';
  return undefined;
}

/** The URL in its normal form (scheme, host, port, a management path if any), without a trailing slash. */
export function normalUrl(text: string): string {
  const u = new URL(text.trim());
  return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname.replace(/\/+$/, '')}`;
}

export function isSecure(url: string): boolean {
  return /^(mqtts|https|amqps):/i.test(url);
}

/** Whether the target speaks TLS anywhere (then a CA file may be given). */
export function usesTls(target: BrokerTarget): boolean {
  return target.kind === 'mosquitto'
    ? isSecure(target.url)
    : isSecure(target.managementUrl) || isSecure(target.amqpUrl);
}

/**
 * `url` with the user and password put in, every character but the unreserved ones percent-encoded (the URL setters
 * leave `%` as it is, which a reader then takes for an escape).
 */
export function withCredentials(url: string, user: string | undefined, password: string | undefined): string {
  if (!user) return url;
  const u = new URL(url);
  const auth = `${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ''}@`;
  return `${u.protocol}//${auth}${u.host}${u.pathname === '/' ? '' : u.pathname}`;
}

/** The server's arguments after `dist/sandbox.js`: its own listeners on free ports, its data in `dataDir`. */
export function observerArgs(target: BrokerTarget, password: string | undefined, dataDir: string): string[] {
  const args = ['--http-port', '0', '--mqtt-port', '0', '--ws-port', '0', '--data-dir', dataDir];
  if (target.kind === 'mosquitto') {
    args.push('--observe-mosquitto', withCredentials(target.url, target.user, password));
  } else {
    args.push('--observe-rabbitmq', withCredentials(target.managementUrl, target.user, password));
    args.push('--observe-amqp', withCredentials(target.amqpUrl, target.user, password));
  }
  if (target.caFile) args.push('--observe-ca', target.caFile);
  return args;
}

/** The same arguments as they may be logged: no credentials. */
export function loggableArgs(args: readonly string[]): string[] {
  return args.map((a) => (/^[a-z]+:\/\/[^/]*@/i.test(a) ? a.replace(/^([a-z]+:\/\/)[^/]*@/i, '$1…@') : a));
}

/** Where the broker is, for names and messages: its URL(s) without credentials. */
export function brokerWhere(target: BrokerTarget): string {
  return target.kind === 'mosquitto' ? target.url : target.managementUrl;
}

/** One broker (and user) → one data directory and one stored password, whatever the order of questions. */
export function targetKey(target: BrokerTarget): string {
  const parts =
    target.kind === 'mosquitto'
      ? [target.kind, target.url, target.user ?? '']
      : [target.kind, target.managementUrl, target.amqpUrl, target.user];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/** The platform's name in the extension: "Mosquitto localhost:1883", "RabbitMQ rabbit.example:15672". */
export function platformNameOf(target: BrokerTarget): string {
  const host = new URL(brokerWhere(target)).host;
  return `${target.kind === 'mosquitto' ? 'Mosquitto' : 'RabbitMQ'} ${host}`;
}
