// Guessing device tokens over MQTT (platform-contract.md §4.3): past a threshold of failed
// authentications for one client id (or from one address), further CONNECTs are refused with
// CONNACK 3 and close code 176 before the token is checked; the failures of a burst are one log
// entry with their count and time span, so ~500 wrong tokens leave the device's genuine history
// within the Logs API's reach (offset ≤ 1000); and no failed attempt touches a connected client's state.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConnackCode } from '../../../../../../src/core/closeCodes';
import { closed, connected, Inbox, refusedWith } from '../../../../../support/mqtt';
import { startTestSandbox, watchAllMonitors, type TestSandbox } from '../../../../../support/sandbox';
import { waitFor } from '../../../../../support/waitFor';

async function logOf(t: TestSandbox, typeId: string, deviceId: string): Promise<string[]> {
  const auth = `Basic ${Buffer.from(`${t.ready.apiKey}:${t.ready.apiToken}`).toString('base64')}`;
  const messages: string[] = [];
  for (let offset = 0; offset <= 1000; offset += 20) {
    const url = `${t.ready.apiUrl}/logs/connection?typeId=${typeId}&deviceId=${deviceId}&limit=20&offset=${offset}`;
    const page = (await (await fetch(url, { headers: { authorization: auth } })).json()) as { message: string }[];
    messages.push(...page.map((e) => e.message));
    if (page.length < 20) break;
  }
  return messages;
}

describe('sandbox broker: failed authentications are rate limited and recorded once per burst', () => {
  let t: TestSandbox | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('refuses a client id past 10 failures a minute: CONNACK 3, close code 176, the right token too', async () => {
    t = await startTestSandbox({ authLimits: { limitLoopback: true } });
    const watch: Inbox = await watchAllMonitors(t, 'watcher');
    const d = t.registerDevice('sensor', 'guessed');
    for (let i = 0; i < 10; i++) {
      assert.equal(await refusedWith(t.device({ ...d, token: `guess-${i}` })), ConnackCode.NotAuthorized);
    }
    assert.equal(await refusedWith(t.device({ ...d, token: 'guess-10' })), ConnackCode.ServerUnavailable);
    const failed = await watch.next(
      'a FailedConnect with 176',
      (m) => m.json().ClientID === d.clientId && m.json().CloseCode === 176,
    );
    assert.equal(failed.json().Reason, 'Too many authorization requests');
    assert.equal(await refusedWith(t.device(d)), ConnackCode.ServerUnavailable, 'checked before the token');
    const other = t.registerDevice('sensor', 'innocent');
    await connected(t.device(other));
  });

  it('refuses an address past its threshold, whatever the client id (loopback counted when asked)', async () => {
    t = await startTestSandbox({ authLimits: { perAddress: 5, limitLoopback: true } });
    for (let i = 0; i < 5; i++) {
      const d = t.registerDevice('sensor', `a${i}`);
      assert.equal(await refusedWith(t.device({ ...d, token: 'guess' })), ConnackCode.NotAuthorized);
    }
    const fresh = t.registerDevice('sensor', 'fresh');
    assert.equal(await refusedWith(t.device(fresh)), ConnackCode.ServerUnavailable);
  });

  it('records 500 wrong tokens as the first attempt and one entry with their count and span', async function () {
    this.timeout(120_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-guess-'));
    t = await startTestSandbox({ dataDir: dir, authLimits: { limitLoopback: true } });
    const d = t.registerDevice('sensor', 'history');
    const genuine = await connected(t.device(d));
    await genuine.endAsync();
    for (let i = 0; i < 500; i++) await refusedWith(t.device({ ...d, token: `guess-${i}` }));
    const during = await logOf(t, 'sensor', 'history');
    assert.ok(during.length <= 5, `${during.length} entries while the burst goes on:\n${during.join('\n')}`);
    // The burst's entry is written when it ends (a minute on, or now: the sandbox stops).
    await t.close();
    t = await startTestSandbox({ dataDir: dir });
    const log = await logOf(t, 'sensor', 'history');
    assert.ok(
      log.some((m) => m.startsWith("Token auth succeeded: ClientID='")),
      log.join('\n'),
    );
    const summary = log.filter((m) => /^Token auth failed \d+ more times/.test(m));
    assert.equal(summary.length, 1, log.join('\n'));
    assert.match(summary[0], /^Token auth failed 499 more times from \S+Z to \S+Z: ClientID='d:testor:sensor:history'/);
    assert.match(summary[0], /ClientIP=127\.0\.0\.1/);
    assert.match(summary[0], /490 of them refused unchecked \(176: too many authorization requests\)/);
    assert.ok(log.length <= 8, `${log.length} entries:\n${log.join('\n')}`);
  });

  it('never writes a failed attempt over the state of a real session, connected or ended', async () => {
    t = await startTestSandbox({ authLimits: { limitLoopback: true } });
    const d = t.registerDevice('sensor', 'online');
    const live = await connected(t.device(d));
    const before = t.store.getState(d.clientId);
    for (let i = 0; i < 5; i++) await refusedWith(t.device({ ...d, token: `guess-${i}` }));
    const after = t.store.getState(d.clientId);
    assert.equal(after?.connectionStatus, 'connected');
    assert.equal(after?.lastConnectTime, before?.lastConnectTime);
    assert.equal(after?.closeCode, before?.closeCode);
    assert.ok(live.connected);
    await live.endAsync();
    await closed(live);
    await waitFor(
      'the clean disconnect in the state',
      () => t?.store.getState(d.clientId)?.connectionStatus === 'disconnected',
    );
    const ended = t.store.getState(d.clientId);
    assert.equal(ended?.closeCode, 0, 'a clean disconnect');
    for (let i = 5; i < 10; i++) await refusedWith(t.device({ ...d, token: `guess-${i}` }));
    assert.deepEqual(t.store.getState(d.clientId), ended, 'how the real session ended, not 180');
  });

  it('still lists a registered client whose every attempt failed as disconnected with 180', async () => {
    t = await startTestSandbox();
    const d = t.registerDevice('sensor', 'never');
    assert.equal(await refusedWith(t.device({ ...d, token: 'guess' })), ConnackCode.NotAuthorized);
    const state = t.store.getState(d.clientId);
    assert.equal(state?.connectionStatus, 'disconnected');
    assert.equal(state?.closeCode, 180);
  });
});
