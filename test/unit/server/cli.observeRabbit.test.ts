// `node dist/sandbox.js --observe-rabbitmq https://… --observe-amqp amqps://… --observe-ca FILE` as a person runs it,
// against a real RabbitMQ node whose management API and AMQP listen on TLS only as far as the server is concerned:
// the same ready line, config/source telling the broker, a client of the broker in the state API and on the monitor
// topics, credentials never printed, --simulate refused (platform-contract.md §7).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { connect } from 'mqtt';
import type { ClientStateWire } from '../../../src/core/clientState';
import type { SourceInfoWire } from '../../../src/core/source';
import { freePorts } from '../../support/brokers/ports';
import { startRabbitNode, type StartedNode } from '../../support/brokers/rabbitmq';
import { chownTree, systemUser } from '../../support/brokers/scratch';
import { writeTlsFiles, type TlsFiles } from '../../support/brokers/tls';
import { connected, Inbox, subscribed } from '../../support/mqtt';
import { MONITOR_TOPICS } from '../../support/observer';
import { waitFor } from '../../support/waitFor';
import { BrokerClients } from './sources/mosquitto/brokerClients';
import { killIfRunning, restCall as call, spawnSandbox, type SandboxProcess } from './process';

const FREE_PORTS = ['--mqtt-port', '0', '--ws-port', '0', '--http-port', '0'];

describe('sandbox CLI: observing RabbitMQ over https and amqps', function () {
  this.timeout(180_000);
  let node: StartedNode;
  let tls: TlsFiles;
  let tlsDir: string;
  let ports: { amqps: number; https: number };
  let clients: BrokerClients;
  let running: SandboxProcess | undefined;
  before(async () => {
    tlsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'observe-rabbit-tls-'));
    tls = await writeTlsFiles(tlsDir);
    const rabbit = systemUser('rabbitmq');
    if (rabbit) chownTree(tlsDir, rabbit); // the node reads its key as the rabbitmq user
    const [amqps, https] = (await freePorts(2)) as [number, number];
    ports = { amqps, https };
    const files = [`cacertfile = ${tls.caFile}`, `certfile = ${tls.certFile}`, `keyfile = ${tls.keyFile}`];
    node = await startRabbitNode({
      extra: [
        `listeners.ssl.default = 127.0.0.1:${amqps}`,
        ...files.map((f) => `ssl_options.${f}`),
        'ssl_options.verify = verify_none',
        'ssl_options.fail_if_no_peer_cert = false',
        'management.ssl.ip = 127.0.0.1',
        `management.ssl.port = ${https}`,
        ...files.map((f) => `management.ssl.${f}`),
      ],
    });
    clients = new BrokerClients(node.mqttUrl);
  });
  afterEach(() => killIfRunning(running));
  after(async () => {
    await clients?.endAll();
    await node?.destroy();
    fs.rmSync(tlsDir, { recursive: true, force: true });
  });

  const credentials = () => `${encodeURIComponent(node.admin.user)}:${encodeURIComponent(node.admin.password)}`;
  const args = () => [
    '--observe-rabbitmq',
    `https://${credentials()}@127.0.0.1:${ports.https}`,
    '--observe-amqp',
    `amqps://${credentials()}@127.0.0.1:${ports.amqps}`,
    '--observe-ca',
    tls.caFile,
  ];

  it('prints the ready line, hears the broker, serves its clients and their monitor topics, exits 0', async () => {
    running = spawnSandbox([...FREE_PORTS, ...args()]);
    const ready = await running.ready;
    assert.equal(ready.event, 'ready');
    const source = await waitFor('the broker to be heard', async () => {
      const s = (await call(ready, '/config/source')).body as SourceInfoWire;
      return s.sourceStatus === 'connected' ? s : undefined;
    });
    assert.equal(source.kind, 'rabbitmq');
    assert.equal(source.broker, `https://127.0.0.1:${ports.https}`);
    assert.deepEqual(source.nodes, [node.nodeName]);
    assert.deepEqual(source.diagnostics, []);

    const app = connect(ready.mqttUrl, {
      clientId: `a:${ready.org}:cli-watcher`,
      username: ready.apiKey,
      password: ready.apiToken,
      reconnectPeriod: 0,
    });
    try {
      const inbox = new Inbox(await connected(app));
      await subscribed(app, MONITOR_TOPICS);
      await connected(clients.client('through the cli/1'));
      const m = (await inbox.monitor('through the cli/1', 'Connect')).json();
      assert.equal(m.Node, node.nodeName);
      const state = await waitFor('its record', async () => {
        const r = await call(ready, `/clientconnectionstates/${encodeURIComponent('through the cli/1')}`);
        return r.status === 200 ? (r.body as ClientStateWire) : undefined;
      });
      assert.equal(state.connectionStatus, 'connected');
      assert.equal(state.clientType, 'other');
    } finally {
      await app.endAsync(true);
    }
    running.child.kill('SIGTERM');
    assert.equal(await running.exit, 0);
    assert.ok(!`${running.stdout}${running.stderr}`.includes(node.admin.password), 'the password is never printed');
  });

  it('refuses --simulate with --observe-rabbitmq', async () => {
    running = spawnSandbox([...args(), '--simulate', '5']);
    assert.equal(await running.exit, 2);
    assert.match(running.stderr, /--simulate runs a simulated fleet on the server's own broker/);
    assert.ok(!running.stderr.includes(node.admin.password));
    assert.equal(running.stdout, '');
  });
});
