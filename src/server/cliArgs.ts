// The sandbox's command line: node's util.parseArgs, every value checked by resolveOptions().

import { parseArgs } from 'node:util';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_HOST,
  DEFAULT_ORG,
  DEFAULT_PORTS,
  DEFAULT_SEED,
  resolveOptions,
  SandboxOptionError,
  type SandboxOptions,
} from './options';
import { messageOf } from '../core/errors';

const spec = {
  org: { type: 'string' },
  host: { type: 'string' },
  'mqtt-port': { type: 'string' },
  'mqtts-port': { type: 'string' },
  'ws-port': { type: 'string' },
  'wss-port': { type: 'string' },
  'http-port': { type: 'string' },
  'https-port': { type: 'string' },
  tls: { type: 'boolean' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'data-dir': { type: 'string' },
  'api-key': { type: 'string' },
  'api-token': { type: 'string' },
  simulate: { type: 'string' },
  seed: { type: 'string' },
  'rate-limit': { type: 'string' },
  'state-lag-ms': { type: 'string' },
  'connect-timeout-ms': { type: 'string' },
  'observe-mosquitto': { type: 'string' },
  'observe-rabbitmq': { type: 'string' },
  'observe-amqp': { type: 'string' },
  'observe-ca': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const HELP = `Usage: node dist/sandbox.js [options]    (or: npm run sandbox -- [options])

A local IoT platform: an MQTT broker with the platform's rules, monitor topics and close codes,
and its REST API. When ready it prints one JSON line on stdout; logs go to stderr.
SIGINT or SIGTERM closes every client (close code 93) and exits 0.

  --org ID             organization id, 6 letters or digits (default: ${DEFAULT_ORG}, or the org of --api-key)
  --host HOST          address every listener binds to (default: ${DEFAULT_HOST})
  --mqtt-port N        MQTT over TCP (default: ${DEFAULT_PORTS.mqtt}; 0 = a free port)
  --mqtts-port N       MQTT over TLS, with --tls (default: ${DEFAULT_PORTS.mqtts})
  --ws-port N          MQTT over WebSocket at /mqtt (default: ${DEFAULT_PORTS.ws})
  --wss-port N         MQTT over secure WebSocket at /mqtt, with --tls (default: ${DEFAULT_PORTS.wss})
  --http-port N        REST API over HTTP (default: ${DEFAULT_PORTS.http})
  --https-port N       REST API over HTTPS, with --tls (default: ${DEFAULT_PORTS.https})
  --tls                also listen with TLS; a CA and server certificate are generated once (kept
                       in the data dir) and the CA file is reported as caFile
  --cert FILE          server certificate (PEM) to use instead; implies --tls; needs --key
  --key FILE           its private key (PEM)
  --data-dir DIR       keep registry, API keys, states, logs and TLS material in DIR across
                       restarts and crashes (default: memory only)
  --api-key KEY        API key to accept, a-{org}-{10 chars}; needs --api-token
                       (default: one is generated, and kept in the data dir if there is one)
  --api-token TOKEN    its token
  --simulate N         start a simulated fleet of N clients
  --seed N             seed of the simulated fleet's behaviour (default: ${DEFAULT_SEED})
  --rate-limit N       REST calls per second before 429 with Retry-After (default: no limit)
  --state-lag-ms N     delay before changes show in the state API (default: 0)
  --connect-timeout-ms N  how long a new connection may take to send CONNECT before it is
                       closed with close code 164 (default: ${DEFAULT_CONNECT_TIMEOUT_MS})

Observe a broker you run instead (platform-contract.md §7): the same REST API for its clients, and their
monitor topics on the MQTT listener above, for applications only.
  --observe-mosquitto URL  mqtt://[user:pass@]host:port or mqtts://…; the broker needs "log_dest topic"
                       and its user may read $SYS/#
  --observe-rabbitmq URL   its management API, http://user:pass@host:15672 or https://…
  --observe-amqp URL       with --observe-rabbitmq: amqp://user:pass@host:5672 or amqps://… (plugins
                       rabbitmq_management, rabbitmq_mqtt, rabbitmq_event_exchange; log.exchange = true)
  --observe-ca FILE    CA certificate (PEM) for mqtts://, https:// or amqps://
  -h, --help           this text

Ready line: {"event":"ready","org":…,"apiUrl":…,"mqttUrl":…,"mqttsUrl":…,"wsUrl":…,"wssUrl":…,
"httpsUrl":…,"apiKey":…,"apiToken":…,"caFile":…} (null for listeners that are off).
MQTT 5 clients are refused with CONNACK 1: the platform speaks MQTT 3.1 and 3.1.1.
Exit codes: 0 after a signal, 1 when the sandbox cannot start, 2 for a wrong option.`;

export type CliCommand = { kind: 'help' } | { kind: 'run'; options: SandboxOptions };

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d{1,15}$/.test(text)) {
    throw new SandboxOptionError(`--${name} must be an integer, not ${JSON.stringify(text.slice(0, 40))}`);
  }
  return Number(text);
}

function positiveNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,9}(\.\d{1,6})?$/.test(text)) {
    throw new SandboxOptionError(`--${name} must be a number, not ${JSON.stringify(text.slice(0, 40))}`);
  }
  return Number(text);
}

/** Parses argv (without node and the script); throws SandboxOptionError on anything wrong. */
export function parseCliArgs(argv: string[]): CliCommand {
  let values: ReturnType<typeof parseArgs<{ options: typeof spec; strict: true }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false }));
  } catch (err) {
    throw new SandboxOptionError(messageOf(err));
  }
  if (values.help) return { kind: 'help' };
  const port = (name: 'mqtt' | 'mqtts' | 'ws' | 'wss' | 'http' | 'https') =>
    integer(`${name}-port`, values[`${name}-port`]);
  const ports = Object.fromEntries(
    (['mqtt', 'mqtts', 'ws', 'wss', 'http', 'https'] as const).flatMap((n) =>
      port(n) === undefined ? [] : [[n, port(n)]],
    ),
  );
  const clients = integer('simulate', values.simulate);
  const seed = integer('seed', values.seed);
  if (seed !== undefined && clients === undefined) throw new SandboxOptionError('--seed goes with --simulate');
  return {
    kind: 'run',
    options: resolveOptions({
      org: values.org,
      host: values.host,
      ports,
      tls: values.tls,
      certFile: values.cert,
      keyFile: values.key,
      dataDir: values['data-dir'],
      apiKey: values['api-key'],
      apiToken: values['api-token'],
      simulate: clients === undefined ? undefined : { clients, seed },
      rateLimit: positiveNumber('rate-limit', values['rate-limit']),
      stateLagMs: integer('state-lag-ms', values['state-lag-ms']),
      connectTimeoutMs: integer('connect-timeout-ms', values['connect-timeout-ms']),
      observe: {
        mosquitto: values['observe-mosquitto'],
        rabbitmq: values['observe-rabbitmq'],
        amqp: values['observe-amqp'],
        caFile: values['observe-ca'],
      },
    }),
  };
}
