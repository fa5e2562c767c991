// The keeper of paused programs' keep-alives against a real sandbox (platform-contract.md §8): a
// raw MQTT client that sends nothing after CONNECT stands for a program stopped at a breakpoint
// (keep-alive 2 s: the sandbox drops it 3 s after its last packet unless held).

import * as assert from 'node:assert/strict';
import { PauseKeeper, type KeeperPlatform } from '../../../../src/features/debug/keeper';
import { silentLog } from '../../../../src/platform/log';
import { PlatformRestClient } from '../../../../src/platform/rest/client';
import { RawMqtt } from '../../../support/rawMqtt';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';

describe('features/debug/keeper: reading and holding a paused program’s keep-alive', function () {
  this.timeout(30_000);
  let sandbox: TestSandbox;
  let rest: PlatformRestClient;
  const raws: RawMqtt[] = [];
  const keepers: PauseKeeper[] = [];
  let n = 0;

  beforeEach(async () => {
    sandbox = await startTestSandbox();
    const { apiUrl, apiKey, apiToken } = sandbox.ready;
    rest = new PlatformRestClient({ apiUrl, apiKey, apiToken });
  });
  afterEach(async () => {
    await Promise.all(keepers.splice(0).map((k) => k.dispose()));
    raws.splice(0).forEach((r) => r.destroy());
    rest.dispose();
    await sandbox.close();
  });

  /** A connected client that will send nothing more. */
  async function silent(): Promise<string> {
    const d = sandbox.registerDevice('boiler', `b-${++n}`);
    const raw = await RawMqtt.open(Number(new URL(sandbox.ready.mqttUrl).port));
    raws.push(raw);
    raw.connect({ clientId: d.clientId, username: 'use-token-auth', password: d.token, keepalive: 2 });
    await raw.next('connack');
    return d.clientId;
  }

  function keeper(
    o: {
      canHold?: boolean;
      hold?: () => boolean;
      sourceKind?: string;
      rest?: KeeperPlatform['rest'];
      graceMs?: number;
      rereadMs?: number;
    } = {},
  ) {
    const platform: KeeperPlatform = {
      name: 'sandbox',
      rest: o.rest ?? rest,
      sourceKind: o.sourceKind ?? 'sandbox',
      canHold: o.canHold ?? true,
    };
    const notHeld: string[] = [];
    const k = new PauseKeeper({
      platform: () => platform,
      holdEnabled: o.hold ?? (() => true),
      log: silentLog,
      holdSeconds: 2,
      renewMs: 500,
      graceMs: o.graceMs,
      rereadMs: o.rereadMs,
    });
    k.on('notHeld', (e) => notHeld.push(`${e.reason}: ${e.clientIds.join(',')}`));
    keepers.push(k);
    return { k, notHeld };
  }

  /** The real platform, counting the calls made to it. */
  function counting() {
    const calls = { get: 0, hold: 0, release: 0 };
    const counted: KeeperPlatform['rest'] = {
      getKeepAlive: (c) => (calls.get++, rest.getKeepAlive(c)),
      holdKeepAlive: (c, seconds) => (calls.hold++, rest.holdKeepAlive(c, seconds)),
      releaseKeepAlive: (c) => (calls.release++, rest.releaseKeepAlive(c)),
    };
    return { calls, counted };
  }

  const connected = (id: string) => sandbox.store.getState(id)?.connectionStatus === 'connected';

  it('reads the exact deadline when holding is off, and says why it does not hold', async () => {
    const id = await silent();
    const { k, notHeld } = keeper({ hold: () => false });
    k.paused([id]);
    const kept = await waitFor('the deadline', () => k.kept(id)?.deadline);
    const info = await rest.getKeepAlive(id);
    assert.equal(kept, info.deadline);
    assert.equal(k.kept(id)?.keepAliveSeconds, 2);
    assert.deepEqual(notHeld, [`off: ${id}`]);
    await waitFor('the 160', () => !connected(id), { timeoutMs: 10_000 });
  });

  it('holds a paused client past 3 × its keep-alive, renewing short holds, and releases it on resume', async () => {
    const id = await silent();
    const { k } = keeper();
    const from = Date.now();
    k.paused([id]);
    await waitFor('held', () => k.kept(id)?.held);
    await waitFor('3 × keep-alive to pass, connected all along', () => {
      assert.ok(connected(id), `dropped after ${Date.now() - from} ms`);
      return Date.now() - from > 6_500;
    });
    assert.equal((await rest.getKeepAlive(id)).held, true);
    await k.resumed([id]);
    assert.equal(k.kept(id), undefined);
    assert.equal((await rest.getKeepAlive(id)).held, false);
    // Released: a silent client is dropped again within a window.
    await waitFor('the 160 after the release', () => !connected(id), { timeoutMs: 10_000 });
  });

  it('tries a failed renewal again while the last hold runs, and keeps holding', async () => {
    const id = await silent();
    let calls = 0;
    // The real platform, but the first two renewals are lost on the way (a reset connection).
    const flaky: KeeperPlatform['rest'] = {
      getKeepAlive: (c) => rest.getKeepAlive(c),
      releaseKeepAlive: (c) => rest.releaseKeepAlive(c),
      holdKeepAlive: (c, seconds) =>
        ++calls === 2 || calls === 3 ? Promise.reject(new Error('socket hang up')) : rest.holdKeepAlive(c, seconds),
    };
    const { k } = keeper({ rest: flaky });
    const from = Date.now();
    k.paused([id]);
    await waitFor('held', () => k.kept(id)?.held);
    await waitFor('3 × keep-alive to pass, connected all along', () => {
      assert.ok(connected(id), `dropped after ${Date.now() - from} ms`);
      return Date.now() - from > 6_500;
    });
    assert.ok(calls >= 5, `${calls} holds asked`);
    assert.equal((await rest.getKeepAlive(id)).held, true);
    assert.equal(k.kept(id)?.held, true);
  });

  it('holds or lets go of a paused client when the setting changes', async () => {
    const id = await silent();
    let on = false;
    const { k } = keeper({ hold: () => on });
    k.paused([id]);
    await waitFor('the deadline', () => k.kept(id)?.deadline);
    on = true;
    k.holdSettingChanged();
    await waitFor('held', () => k.kept(id)?.held);
    on = false;
    k.holdSettingChanged();
    await waitFor('let go, counted down again', () => k.kept(id)?.held === false && k.kept(id)?.deadline);
    assert.equal((await rest.getKeepAlive(id)).held, false);
  });

  it('says once that a platform that cannot hold does not; reads nothing from a broker not the sandbox', async () => {
    const id = await silent();
    const { k, notHeld } = keeper({ canHold: false, sourceKind: 'mosquitto' });
    k.paused([id]);
    k.paused([id]);
    assert.deepEqual(notHeld, [`cannot hold: ${id}`]);
    assert.deepEqual(k.kept(id), { held: false });
  });

  it('lets a hold go quietly when the sandbox stops under it', async () => {
    const id = await silent();
    const { k } = keeper();
    k.paused([id]);
    await waitFor('held', () => k.kept(id)?.held);
    await sandbox.close();
    await waitFor('the renewal to fail', () => k.kept(id)?.held === false);
    await k.resumed([id]);
    assert.equal(k.size, 0);
    sandbox = await startTestSandbox();
  });

  it('keeps a hold through steps (no call while stepping), released once the program runs on', async () => {
    const id = await silent();
    const { calls, counted } = counting();
    const { k } = keeper({ rest: counted, graceMs: 400 });
    k.paused([id]);
    await waitFor('held', () => k.kept(id)?.held);
    const changes: string[] = [];
    k.on('changed', (c) => changes.push(c));
    const holdsBefore = calls.hold;
    for (let step = 0; step < 20; step++) {
      k.running([id]);
      await new Promise((resolve) => setTimeout(resolve, 5)); // the program runs a few milliseconds
      k.paused([id]);
      assert.equal(k.kept(id)?.held, true);
    }
    assert.deepEqual(calls, { get: 0, hold: calls.hold, release: 0 });
    assert.ok(calls.hold - holdsBefore <= 1, `${calls.hold - holdsBefore} holds asked while stepping`);
    assert.deepEqual(changes, [], 'nothing to redraw or write to the Debug Console while stepping');
    assert.equal((await rest.getKeepAlive(id)).held, true);

    const ran = Date.now();
    k.running([id]);
    await waitFor('released after the grace', () => calls.release === 1 && k.kept(id) === undefined);
    assert.ok(Date.now() - ran >= 390, `released ${Date.now() - ran} ms after it ran`);
    await waitFor('released by the sandbox', async () => !(await rest.getKeepAlive(id)).held);
    await waitFor('the 160 after the release', () => !connected(id), { timeoutMs: 10_000 });
  });

  it('reads the deadline again shortly after a step, not at once: the earlier one stands meanwhile', async () => {
    const id = await silent();
    const raw = raws[raws.length - 1];
    const { calls, counted } = counting();
    const { k } = keeper({ rest: counted, hold: () => false, graceMs: 1_000, rereadMs: 300 });
    k.paused([id]);
    const first = await waitFor('the deadline', () => k.kept(id)?.deadline);
    k.running([id]);
    raw.send({ cmd: 'pingreq' }); // the program pinged while it ran: its deadline moves on
    await raw.next('pingresp');
    k.paused([id]);
    assert.equal(k.kept(id)?.deadline, first, 'the earlier deadline, a bound, until read again');
    assert.equal(calls.get, 1);
    const later = await waitFor('read again, later', () => {
      const d = k.kept(id)?.deadline;
      return d !== undefined && d > first ? d : undefined;
    });
    assert.equal(calls.get, 2);
    assert.equal(later, (await rest.getKeepAlive(id)).deadline);
  });

  it('releases at once when the session ends, even within the grace', async () => {
    const id = await silent();
    const { k } = keeper({ graceMs: 60_000 });
    k.paused([id]);
    await waitFor('held', () => k.kept(id)?.held);
    k.running([id]);
    await k.resumed([id]);
    assert.equal(k.size, 0);
    assert.equal((await rest.getKeepAlive(id)).held, false);
  });
});
