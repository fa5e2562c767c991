// An observed Mosquitto that does not tell what the server needs, refuses its credentials, or is not there: the
// server still starts, serves what it knows, and says what is wrong in config/source and its log, with the lines
// of mosquitto.conf or the ACL that fix it (platform-contract.md §7.2).

import * as assert from 'node:assert/strict';
import { startMosquitto, type Mosquitto } from '../../../../support/brokers/mosquitto';
import { startObserver, type TestObserver } from '../../../../support/observer';
import { waitFor } from '../../../../support/waitFor';

describe('observed Mosquitto: not set up, refusing, or not there', function () {
  this.timeout(60_000);
  const brokers: Mosquitto[] = [];
  let srv: TestObserver | undefined;
  afterEach(async () => {
    await srv?.close();
    srv = undefined;
    await Promise.all(brokers.splice(0).map((b) => b.stop()));
  });
  const broker = async (o: Parameters<typeof startMosquitto>[0]) => {
    const b = await startMosquitto(o);
    brokers.push(b);
    return b;
  };
  const diagnosed = (t: TestObserver, code: string) =>
    waitFor(`the diagnostic ${code}`, async () => (await t.source()).diagnostics.find((d) => d.code === code));

  it('says that the log is not published (no log_dest topic), with the two mosquitto.conf lines', async () => {
    const b = await broker({ logTopic: false });
    srv = await startObserver({ mosquitto: b.url });
    const d = await diagnosed(srv, 'mosquitto.logNotPublished');
    assert.deepEqual(d.fix, ['log_dest topic', 'connection_messages true']);
    assert.equal((await srv.source()).sourceStatus, 'connected');
    assert.ok(srv.lines.some((l) => l.includes('does not publish its log') && l.includes('log_dest topic')));
  });

  it('says that $SYS is denied to its user, with the ACL lines', async () => {
    const b = await broker({ users: { eve: 'eve-pw-3', other: 'x' }, denySys: ['eve'] });
    srv = await startObserver({ mosquitto: `mqtt://eve:eve-pw-3@127.0.0.1:${b.port}` });
    const d = await diagnosed(srv, 'mosquitto.sysDenied');
    assert.deepEqual(d.fix, ['user eve', 'topic read $SYS/#']);
    assert.equal((await srv.source()).diagnostics.length, 1, 'nothing is said about the log it cannot see');
  });

  it('says that the broker refused its credentials, without them, and keeps serving', async () => {
    const b = await broker({ users: { eve: 'right-pw' } });
    srv = await startObserver({ mosquitto: `mqtt://eve:wrong-pw-77@127.0.0.1:${b.port}` });
    const s = await waitFor('refused', async () => {
      const info = await srv!.source();
      return info.sourceStatus === 'refused' ? info : undefined;
    });
    assert.match(s.sourceError ?? '', /CONNACK 5/);
    assert.ok(!JSON.stringify(s).includes('wrong-pw-77'));
    assert.ok(!srv.lines.some((l) => l.includes('wrong-pw-77')));
    assert.equal((await fetch(`${srv.ready.apiUrl}/config/clientstate`, { headers: auth(srv) })).status, 200);
  });

  it('starts while the broker is down, says it is reconnecting, and observes once it is back', async () => {
    const b = await broker({});
    b.signal('SIGKILL');
    await waitFor('the broker to be gone', () => !b.running());
    srv = await startObserver({ mosquitto: b.url });
    const down = await srv.source();
    assert.equal(down.sourceStatus, 'reconnecting');
    assert.match(down.sourceError ?? '', /ECONNREFUSED|not connected yet/);
    assert.equal(down.connectedCount, null);
    await b.restart();
    const up = await waitFor('connected', async () => {
      const info = await srv!.source();
      return info.sourceStatus === 'connected' && info.connectedCount !== null ? info : undefined;
    });
    assert.equal(up.sourceError, undefined);
  });
});

function auth(t: TestObserver): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${t.ready.apiKey}:${t.ready.apiToken}`).toString('base64')}` };
}
