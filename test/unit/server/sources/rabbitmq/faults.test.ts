// Debian's RabbitMQ 3.10.8 (one node), observed through faults: its AMQP connection cut and back (reconciliation),
// a management API that answers 503 and 429, an event whose connection is already gone from the management API,
// refused credentials, a restart of the server with --data-dir, and a broker without its event exchange.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { management } from '../../../../support/brokers/management';
import { startRabbitNode, type StartedNode } from '../../../../support/brokers/rabbitmq';
import { connected } from '../../../../support/mqtt';
import { startObserver, type TestObserver } from '../../../../support/observer';
import { waitFor } from '../../../../support/waitFor';
import { startProxy } from '../../../platform/support/proxy';
import { BrokerClients } from '../mosquitto/brokerClients';
import { startBusyManagement } from './busyManagement';
import { observeRabbit } from './observe';
import { disablePlugin, enablePlugin, listed, listedNames } from './nodeTools';
import { trackerOf } from './trackerOf';

describe('observed RabbitMQ: outages, a busy API, restarts, and a broker not set up', function () {
  this.timeout(180_000);
  let node: StartedNode;
  let clients: BrokerClients;
  const servers: TestObserver[] = [];
  let dataDir: string;
  before(async () => {
    node = await startRabbitNode();
    clients = new BrokerClients(node.mqttUrl);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'observe-rabbit-'));
  });
  afterEach(async () => {
    await clients.endAll();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  after(async () => {
    await node?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const observer = async (o: Parameters<typeof startObserver>[0], dir?: string) => {
    const s = await startObserver(o, dir === undefined ? {} : { dataDir: dir });
    servers.push(s);
    return s;
  };
  const status = (s: TestObserver, want: string) =>
    waitFor(`sourceStatus ${want}`, async () => ((await s.source()).sourceStatus === want ? s.source() : undefined), {
      timeoutMs: 20_000,
    });

  it('reconciles after its AMQP connection comes back: who left and who came meanwhile', async () => {
    const proxy = await startProxy(node.ports.amqp);
    try {
      const srv = await observer(observeRabbit(node, { amqpPort: proxy.port }));
      const leaver = await connected(clients.client('left-meanwhile'));
      await connected(clients.client('stayed'));
      await srv.stateWhere('left-meanwhile', 'connected', (s) => s.connectionStatus === 'connected');
      await srv.stateWhere('stayed', 'connected', (s) => s.connectionStatus === 'connected');
      proxy.block();
      await status(srv, 'reconnecting');
      await leaver.endAsync();
      await connected(clients.client('came-meanwhile'));
      await waitFor('the newcomer to be listed', async () => (await listed(node)).includes('came-meanwhile'), {
        timeoutMs: 20_000,
      });
      proxy.unblock();
      // A connection of the last 10 s may just not be listed yet: the server looks again 10 s later.
      const left = await waitFor(
        'left-meanwhile to be gone',
        async () =>
          (await srv.state('left-meanwhile'))?.connectionStatus === 'disconnected'
            ? srv.state('left-meanwhile')
            : undefined,
        { timeoutMs: 30_000 },
      );
      assert.equal(left?.closeReason, 'disconnected while the broker was not observed');
      assert.equal(left?.closeCode, undefined);
      await srv.stateWhere('came-meanwhile', 'connected', (s) => s.connectionStatus === 'connected');
      await srv.stateWhere('stayed', 'live', (s) => s.connectionStatus === 'connected' && s.observed === 'live');
    } finally {
      await proxy.close();
    }
  });

  it('connects again when an administrator closes its AMQP connection, and goes on hearing clients', async () => {
    const srv = await observer(observeRabbit(node));
    const api = management(node);
    // Listed 2–5 s after it opened (the statistics interval).
    const amqp = await waitFor(
      'its AMQP connection to be listed',
      async () => {
        const all = await api.get<{ name: string; protocol: string }[]>('/api/connections?columns=name,protocol');
        const found = all.filter((c) => c.protocol.startsWith('AMQP'));
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 20_000 },
    );
    assert.equal(amqp.length, 1, JSON.stringify(amqp));
    assert.equal(await api.del(`/api/connections/${encodeURIComponent(amqp[0].name)}`, { 'X-Reason': 'a test' }), 204);
    await waitFor('the closed connection said', () => srv.lines.some((l) => /is not heard: .*a test/.test(l)));
    await status(srv, 'connected');
    await connected(clients.client('after-amqp-closed'));
    await srv.stateWhere('after-amqp-closed', 'connected', (s) => s.connectionStatus === 'connected');
  });

  it('rides out 503 and 429 from the management API, saying so meanwhile', async () => {
    await connected(clients.client('listed-through-busy'));
    await waitFor('it to be listed', async () => (await listed(node)).includes('listed-through-busy'), {
      timeoutMs: 20_000,
    });
    const busy = await startBusyManagement(node.ports.management);
    try {
      busy.busy(2, 503, '/api/connections');
      const srv = await observer(observeRabbit(node, { managementPort: busy.port }));
      await srv.stateWhere('listed-through-busy', 'listed', (s) => s.connectionStatus === 'connected');
      assert.ok(srv.lines.some((l) => /answered 503; trying again in 1 s/.test(l)));
      assert.equal((await srv.source()).sourceError, undefined, 'said while it lasts, not after');
      busy.busy(1, 429, '/api/connections');
      await connected(clients.client('after-429'));
      await srv.stateWhere('after-429', 'connected', (s) => s.connectionStatus === 'connected');
    } finally {
      await busy.close();
    }
  });

  it('reads a client id an event lacks from the management API; says so when the connection is gone', async () => {
    await connected(clients.client('id-from-the-api'));
    const name = await waitFor(
      'its connection to be listed',
      async () => (await listedNames(node)).get('id-from-the-api'),
      {
        timeoutMs: 20_000,
      },
    );
    const t = await trackerOf(node);
    try {
      // Events as a broker that does not put the id in them would send them.
      t.tracker.created({ kind: 'connectionCreated', name, mqtt: true, node: node.nodeName }, Date.now());
      t.tracker.created({ kind: 'connectionCreated', name: '127.0.0.1:1 -> 127.0.0.1:2', mqtt: true }, Date.now());
      await waitFor('the id from the API', () => t.store.getState('id-from-the-api')?.connectionStatus === 'connected');
      await waitFor('the gone one said', () => t.lines.some((l) => /ended before its client id could be read/.test(l)));
      assert.equal(t.store.stateCount(), 1, 'nothing recorded for the gone one');
    } finally {
      await t.close();
    }
  });

  it('says that the broker refused its AMQP credentials, without them', async () => {
    const wrong = observeRabbit(node);
    const srv = await observer({
      ...wrong,
      amqp: wrong.amqp.replace(encodeURIComponent(node.admin.password), 'wrong-pw-5'),
    });
    const s = await status(srv, 'refused');
    assert.match(s?.sourceError ?? '', /ACCESS.REFUSED/);
    assert.ok(!JSON.stringify(s).includes('wrong-pw-5'));
  });

  it('keeps every record across a restart of the server, and tells who left while it was down', async () => {
    const first = await observer(observeRabbit(node), dataDir);
    await connected(clients.client('kept'));
    const leaver = await connected(clients.client('left-while-down'));
    await first.stateWhere('kept', 'connected', (s) => s.connectionStatus === 'connected');
    await first.stateWhere('left-while-down', 'connected', (s) => s.connectionStatus === 'connected');
    const keptBefore = await first.state('kept');
    const logBefore = await first.log('kept');
    await waitFor('both to be listed', async () => (await listed(node)).includes('kept'), { timeoutMs: 20_000 });
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    await leaver.endAsync();

    const second = await observer(observeRabbit(node), dataDir);
    assert.deepEqual(await second.state('kept'), { ...keptBefore, observed: 'live' }, 'the same connection, listed');
    assert.deepEqual(await second.log('kept'), logBefore);
    const left = await second.stateWhere('left-while-down', 'gone', (s) => s.connectionStatus === 'disconnected');
    assert.equal(left.closeReason, 'disconnected while the broker was not observed');
  });

  it('says that the event exchange is missing, with the plugin to enable; hears clients once enabled', async () => {
    await disablePlugin(node, 'rabbitmq_event_exchange');
    const srv = await observer(observeRabbit(node));
    const d = await waitFor('the diagnostic', async () =>
      (await srv.source()).diagnostics.find((x) => x.code === 'rabbitmq.eventExchangeMissing'),
    );
    assert.deepEqual(d.fix, ['rabbitmq-plugins enable rabbitmq_event_exchange']);
    await enablePlugin(node, 'rabbitmq_event_exchange');
    await waitFor('the diagnostic gone', async () => (await srv.source()).diagnostics.length === 0, {
      timeoutMs: 30_000,
    });
    const c = await connected(clients.client('after-the-plugin'));
    await srv.stateWhere('after-the-plugin', 'connected', (s) => s.connectionStatus === 'connected');
    await c.endAsync();
    // A close has its cause only from the events and the log: the list alone would not give 0.
    await srv.stateWhere('after-the-plugin', 'closed with 0', (s) => s.closeCode === 0);
  });
});
