// What to observe (platform-contract.md §7): an observed Mosquitto by its MQTT URL, or an observed RabbitMQ by its
// management API and AMQP URLs, with a CA file for their TLS forms. URLs may carry credentials: they are checked
// here without ever being echoed, and shown everywhere else only through brokerUrl(), which drops them.

import * as fs from 'node:fs';

export type ObserveOptions =
  | { kind: 'mosquitto'; url: string; caFile?: string }
  | { kind: 'rabbitmq'; managementUrl: string; amqpUrl: string; caFile?: string };

export interface ObserveInput {
  mosquitto?: string;
  rabbitmq?: string;
  amqp?: string;
  caFile?: string;
}

/** A wrong observe option; `fail` turns it into the CLI's option error. */
type Fail = (message: string) => never;

/** The URL as it may be shown: scheme, host and port, never user or password. */
export function brokerUrl(text: string): string {
  try {
    const u = new URL(text);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return 'an invalid URL';
  }
}

function parse(flag: string, text: string, schemes: readonly string[], example: string, fail: Fail): URL {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return fail(`--${flag} must be a URL such as ${example}`);
  }
  if (!schemes.includes(u.protocol.slice(0, -1))) {
    fail(`--${flag} must start with ${schemes.map((s) => `${s}://`).join(' or ')} (${brokerUrl(text)} does not)`);
  }
  if (u.hostname === '') fail(`--${flag} must name a host, as in ${example}`);
  return u;
}

const secure = (u: URL) => /s:$/.test(u.protocol);

/** Checks the observe options; undefined when none is given. */
export function resolveObserve(input: ObserveInput, fail: Fail): ObserveOptions | undefined {
  const { mosquitto, rabbitmq, amqp, caFile } = input;
  if (mosquitto === undefined && rabbitmq === undefined) {
    if (amqp !== undefined) fail('--observe-amqp goes with --observe-rabbitmq');
    if (caFile !== undefined) fail('--observe-ca goes with --observe-mosquitto or --observe-rabbitmq');
    return undefined;
  }
  if (mosquitto !== undefined && rabbitmq !== undefined) {
    fail('observe one broker: --observe-mosquitto or --observe-rabbitmq, not both');
  }
  if (caFile !== undefined && !fs.existsSync(caFile)) fail(`--observe-ca ${caFile}: no such file`);
  if (mosquitto !== undefined) {
    if (amqp !== undefined) fail('--observe-amqp goes with --observe-rabbitmq');
    const u = parse('observe-mosquitto', mosquitto, ['mqtt', 'mqtts'], 'mqtt://user:pass@host:1883', fail);
    if (caFile !== undefined && !secure(u)) fail('--observe-ca goes with an mqtts:// URL');
    return { kind: 'mosquitto', url: mosquitto, ...(caFile !== undefined ? { caFile } : {}) };
  }
  const example = 'http://user:pass@host:15672';
  const m = parse('observe-rabbitmq', rabbitmq as string, ['http', 'https'], example, fail);
  if (m.username === '') fail(`--observe-rabbitmq needs the management user and password, as in ${example}`);
  if (amqp === undefined) fail('--observe-rabbitmq needs --observe-amqp amqp://user:pass@host:5672 as well');
  const a = parse('observe-amqp', amqp, ['amqp', 'amqps'], 'amqp://user:pass@host:5672', fail);
  if (caFile !== undefined && !secure(m) && !secure(a)) fail('--observe-ca goes with an https:// or amqps:// URL');
  // Without credentials of its own, the AMQP connection uses the management API's.
  if (a.username === '') {
    a.username = m.username;
    a.password = m.password;
  }
  return {
    kind: 'rabbitmq',
    managementUrl: rabbitmq as string,
    amqpUrl: a.toString(),
    ...(caFile !== undefined ? { caFile } : {}),
  };
}
