// An observed Mosquitto over TLS (mqtts:// with --observe-ca), and one whose certificate the server cannot verify.

import * as assert from 'node:assert/strict';
import { startMosquitto, type Mosquitto } from '../../../../support/brokers/mosquitto';
import { connected } from '../../../../support/mqtt';
import { startObserver, type TestObserver } from '../../../../support/observer';
import { waitFor } from '../../../../support/waitFor';
import { BrokerClients } from './brokerClients';

describe('observed Mosquitto over TLS', function () {
  this.timeout(60_000);
  let broker: Mosquitto;
  const servers: TestObserver[] = [];
  let clients: BrokerClients;
  before(async () => {
    broker = await startMosquitto({ tls: true });
    clients = new BrokerClients(broker.url);
  });
  afterEach(async () => {
    await clients.endAll();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  after(() => broker?.stop());

  it('observes over mqtts:// trusting the CA given with --observe-ca', async () => {
    const srv = await startObserver({ mosquitto: broker.tlsUrl, caFile: broker.tls!.caFile });
    servers.push(srv);
    await connected(clients.client('over-plain'));
    await srv.stateWhere('over-plain', 'connected', (s) => s.connectionStatus === 'connected');
    assert.equal((await srv.source()).broker, broker.tlsUrl);
  });

  it('says why it cannot observe a broker whose certificate it cannot verify', async () => {
    const srv = await startObserver({ mosquitto: broker.tlsUrl });
    servers.push(srv);
    const s = await waitFor('a TLS error', async () => {
      const info = await srv.source();
      return info.sourceError !== undefined && /certificate/i.test(info.sourceError) ? info : undefined;
    });
    assert.equal(s.sourceStatus, 'reconnecting');
  });
});
