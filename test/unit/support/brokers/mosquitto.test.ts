// The Mosquitto harness: a real broker starts on a free port with its log on $SYS, restarts on
// the same port, serves TLS, refuses $SYS to users its ACL denies it, stops without a trace, and
// what a killed test run left is reaped by the next.

import * as assert from 'node:assert';
import * as fs from 'node:fs';
import { connect, type MqttClient } from 'mqtt';
import { startMosquitto, type Mosquitto } from '../../../support/brokers/mosquitto';
import { canBind } from '../../../support/brokers/ports';
import { processAlive } from '../../../support/brokers/processes';
import { connected, Inbox, refusedWith } from '../../../support/mqtt';
import { waitFor } from '../../../support/waitFor';
import { startLeftover } from './leftover';
import { reapLeftovers } from '../../../support/brokers/scratch';

describe('test support: Mosquitto harness', function () {
  this.timeout(60_000);
  const brokers: Mosquitto[] = [];
  const clients: MqttClient[] = [];
  const client = (url: string, o: Parameters<typeof connect>[1] = {}) => {
    const c = connect(url, { reconnectPeriod: 0, connectTimeout: 10_000, ...o });
    c.on('error', () => undefined);
    clients.push(c);
    return c;
  };
  const start = async (o?: Parameters<typeof startMosquitto>[0]) => {
    const b = await startMosquitto(o);
    brokers.push(b);
    return b;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.endAsync(true).catch(() => undefined)));
    await Promise.all(brokers.splice(0).map((b) => b.stop()));
  });

  it('starts on a free port and publishes its connect lines on $SYS/broker/log', async () => {
    const b = await start();
    const watcher = await connected(client(b.url, { clientId: 'watcher' }));
    const inbox = new Inbox(watcher);
    await watcher.subscribeAsync('$SYS/broker/log/#');
    await connected(client(b.url, { clientId: 'harness-probe', keepalive: 7 }));
    const line = await inbox.next(
      'the connect line',
      (m) => m.topic === '$SYS/broker/log/N' && m.text.includes(' as harness-probe ('),
    );
    assert.match(line.text, /^\d+: New client connected from 127\.0\.0\.1:\d+ as harness-probe \(p2, c1, k7\)\.$/);
    assert.ok(b.startMs < 10_000, `started in ${b.startMs} ms`);
  });

  it('restarts on the same port, and stops without a trace', async () => {
    const b = await start();
    const before = b.pid();
    await b.restart();
    assert.notStrictEqual(b.pid(), before);
    assert.ok(!processAlive(before));
    await connected(client(b.url));
    await b.stop();
    assert.ok(!processAlive(b.pid()));
    assert.ok(!fs.existsSync(b.dir));
    assert.ok(await canBind(b.port));
  });

  it('serves TLS with a CA of its own', async () => {
    const b = await start({ tls: true });
    assert.ok(b.tlsUrl && b.tls);
    await connected(client(b.tlsUrl, { ca: b.tls.ca }));
    assert.strictEqual(await refusedWithTlsError(client(b.tlsUrl, { rejectUnauthorized: true })), 'refused');
  });

  it('with a password file refuses a wrong password, and its ACL can deny $SYS to a user', async () => {
    const b = await start({ users: { observer: 'right-pass', admin: 'admin-pass' }, denySys: ['observer'] });
    assert.strictEqual(await refusedWith(client(b.url, { username: 'observer', password: 'wrong' })), 5);
    const denied = await connected(client(b.url, { username: 'observer', password: 'right-pass' }));
    const deniedInbox = new Inbox(denied);
    const granted = await denied.subscribeAsync('$SYS/#');
    assert.strictEqual(granted[0]?.qos, 0, 'Mosquitto 2.0 grants the subscription all the same');
    const admin = await connected(client(b.url, { username: 'admin', password: 'admin-pass' }));
    const adminInbox = new Inbox(admin);
    await admin.subscribeAsync('$SYS/#');
    await waitFor(
      'two uptime messages at the admin',
      () => adminInbox.messages.filter((m) => m.topic === '$SYS/broker/uptime').length >= 2,
      { timeoutMs: 5000 },
    );
    assert.deepStrictEqual(
      deniedInbox.messages.map((m) => m.topic),
      [],
    );
  });

  it('without log_dest topic publishes no log line, while $SYS counts go on', async () => {
    const b = await start({ logTopic: false });
    const watcher = await connected(client(b.url, { clientId: 'watcher' }));
    const inbox = new Inbox(watcher);
    await watcher.subscribeAsync(['$SYS/broker/log/#', '$SYS/broker/uptime']);
    await connected(client(b.url, { clientId: 'someone' }));
    await waitFor(
      'two uptime messages after the connect',
      () => inbox.messages.filter((m) => m.topic === '$SYS/broker/uptime').length >= 2,
      { timeoutMs: 5000 },
    );
    assert.deepStrictEqual(
      inbox.messages.filter((m) => m.topic.startsWith('$SYS/broker/log/')),
      [],
    );
    assert.ok(
      b.lines().some((l) => l.includes('as someone (')),
      'its stderr log still has the line',
    );
  });

  it('reaps the broker of a test process that was killed', async () => {
    const left = await startLeftover('mosquitto');
    assert.ok(processAlive(left.pid));
    const reaped = reapLeftovers();
    assert.ok(reaped.includes(left.dir), `reaped ${reaped.join(', ')}`);
    await waitFor('the leftover broker to end', () => !processAlive(left.pid));
    assert.ok(!fs.existsSync(left.dir));
  });
});

async function refusedWithTlsError(c: MqttClient): Promise<'refused'> {
  await assert.rejects(connected(c), /self.signed|unable to verify|certificate/i);
  return 'refused';
}
