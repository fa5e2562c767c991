// The REST client against the real sandbox platform on loopback (platform-contract.md §2, §3, §5): paging to the
// end with matching totals, filters, one client raw and hostile, 404, 401/403, the switch, 429
// from the sandbox's rate limit, the registry and the connection log of a real device.

import * as assert from 'node:assert/strict';
import type { ClientStateWire } from '../../../../src/core/clientState';
import { PlatformError, PlatformRestClient, type RestClientOptions } from '../../../../src/platform';
import { connected } from '../../../support/mqtt';
import { startTestSandbox, TEST_ORG, type TestSandbox } from '../../../support/sandbox';
import { captureLog, failure } from '../support/clients';
import { waitFor } from '../../../support/waitFor';
import { testCerts } from '../support/certs';
import * as fs from 'node:fs';

const BASE = Date.UTC(2024, 0, 1);
const MIN = 60_000;

/** 260 records: every 3rd disconnected, types sensor/valve, one a minute apart. */
function seedStates(sandbox: TestSandbox): ClientStateWire[] {
  const states: ClientStateWire[] = Array.from({ length: 260 }, (_, i) => ({
    id: `d:${TEST_ORG}:${i % 2 === 0 ? 'sensor' : 'valve'}:dev-${String(i).padStart(3, '0')}`,
    clientType: 'device',
    connectionStatus: i % 3 === 0 ? 'disconnected' : 'connected',
    lastConnectTime: new Date(BASE + i * MIN).toISOString(),
    lastActivityTime: new Date(BASE + i * MIN).toISOString(),
    ...(i % 3 === 0 ? { lastDisconnectTime: new Date(BASE + i * MIN + 1000).toISOString(), closeCode: 160 } : {}),
  }));
  for (const s of states) sandbox.store.putState(s);
  return states;
}

describe('platform REST client against the sandbox', function () {
  let sandbox: TestSandbox;
  let states: ClientStateWire[];
  const clients: PlatformRestClient[] = [];
  const rest = (extra: Partial<RestClientOptions> = {}) => {
    const client = new PlatformRestClient({
      apiUrl: sandbox.ready.apiUrl,
      apiKey: sandbox.ready.apiKey,
      apiToken: sandbox.ready.apiToken,
      ...extra,
    });
    clients.push(client);
    return client;
  };

  before(async () => {
    sandbox = await startTestSandbox();
    states = seedStates(sandbox);
  });
  after(async () => {
    clients.forEach((c) => c.dispose());
    await sandbox.close();
  });

  it('verifies the credentials with one call', async () => {
    assert.deepEqual(await rest().verify(), { clientStateEnabled: true, orgId: TEST_ORG });
  });

  it('pages by bookmark to the end, every record once, totals matching', async () => {
    const seen: string[] = [];
    const totals = new Set<number | undefined>();
    for await (const page of rest().allClientStates({ limit: 100, sort: ['-lastConnectTime'] })) {
      seen.push(...page.records.map((r) => r.id));
      totals.add(page.totalRows);
      assert.equal(page.skipped, 0);
    }
    assert.deepEqual([...totals], [260]);
    assert.equal(new Set(seen).size, 260);
    assert.deepEqual(
      seen,
      [...states].sort((a, b) => b.lastConnectTime!.localeCompare(a.lastConnectTime!)).map((s) => s.id),
    );
  });

  it('applies filters, with totals counting every match', async () => {
    const client = rest();
    const disconnected = await client.listClientStates({ query: { connectionStatus: 'disconnected' }, limit: 5 });
    assert.equal(disconnected.totalRows, states.filter((s) => s.connectionStatus === 'disconnected').length);
    assert.ok(
      disconnected.records.every(
        (r) => r.status === 'disconnected' && r.closeCode === 160 && r.initiator === 'network',
      ),
    );
    const after = new Date(BASE + 200 * MIN).toISOString();
    const recentSensors = await client.listClientStates({
      query: { deviceType: 'sensor', connectedAfter: after },
      limit: 100,
    });
    const expected = states
      .filter((s) => s.id.includes(':sensor:') && s.lastConnectTime! > after)
      .map((s) => s.id)
      .sort();
    assert.deepEqual(recentSensors.records.map((r) => r.id).sort(), expected);
    assert.equal(recentSensors.totalRows, expected.length);
  });

  it('reports a bad filter value as badRequest with the violation', async () => {
    const error = await failure(rest().listClientStates({ query: { connectedAfter: 'last tuesday' } }));
    assert.ok(error instanceof PlatformError && error.kind === 'badRequest');
    assert.ok(error.violations.length > 0);
    assert.match(error.message, /connectedAfter/);
  });

  it('gets one client by its raw id; unknown and hostile ids are notFound', async () => {
    const client = rest();
    const one = await client.getClientState(states[3].id);
    assert.equal(one.id, states[3].id);
    assert.equal(one.status, 'disconnected');
    for (const id of [
      `d:${TEST_ORG}:sensor:nobody`,
      '<img src=x onerror=alert(1)>',
      'command:workbench.action.quit',
      'd:x:y:a/b?c#d',
      '\u202egnp.exe',
      'é'.repeat(300),
    ]) {
      const error = await failure(client.getClientState(id));
      assert.ok(error instanceof PlatformError, String(error));
      assert.equal(error.kind, 'notFound', `${id}: ${error.message}`);
      assert.equal(error.status, 404);
    }
  });

  it('tells a wrong token (403) from credentials the platform cannot read (401)', async () => {
    const wrong = await failure(rest({ apiToken: 'not-the-token' }).listClientStates());
    assert.ok(wrong instanceof PlatformError);
    assert.equal(wrong.kind, 'forbidden', wrong.message);
    assert.ok(!wrong.message.includes('not-the-token'));
    const unreadable = await failure(rest({ apiToken: 'x'.repeat(2000) }).verify());
    assert.ok(unreadable instanceof PlatformError);
    assert.equal(unreadable.kind, 'unauthorized');
  });

  it('reports featureDisabled while the state API is off, and switches it back on', async () => {
    const client = rest();
    assert.deepEqual(await client.setClientStateConfig(false), { enabled: false });
    try {
      const error = await failure(client.listClientStates());
      assert.ok(error instanceof PlatformError && error.kind === 'featureDisabled', String(error));
      assert.equal((await client.verify()).clientStateEnabled, false);
    } finally {
      assert.deepEqual(await client.setClientStateConfig(true), { enabled: true });
      seedStates(sandbox);
    }
    assert.equal((await client.listClientStates({ limit: 1 })).totalRows, 260);
  });

  it('creates a type and a device, whose token then connects over MQTT and shows in the log', async () => {
    const client = rest();
    await client.createDeviceType('thermo');
    assert.ok((await client.listDeviceTypes()).some((t) => t.id === 'thermo'));
    const created = await client.createDevice('thermo', { deviceId: 't-01' });
    assert.equal(created.clientId, `d:${TEST_ORG}:thermo:t-01`);
    assert.equal((await client.getDevice('thermo', 't-01')).deviceId, 't-01');
    const dup = await failure(client.createDevice('thermo', { deviceId: 't-01' }));
    assert.ok(dup instanceof PlatformError && dup.kind === 'conflict', String(dup));

    const device = sandbox.client(created.clientId, { username: 'use-token-auth', password: created.authToken });
    await connected(device);
    await device.endAsync();
    const entries = await waitFor('two log entries', async () => {
      const page = await client.getConnectionLog({ typeId: 'thermo', deviceId: 't-01' });
      return page.entries.length >= 2 && page.entries.map((e) => e.message);
    });
    assert.match(entries[0], /^Closed connection from .*\. The connection has completed normally\.$/);
    assert.match(entries[1], /^Token auth succeeded: ClientID='d:testor:thermo:t-01'/);
    const state = await client.getClientState(created.clientId);
    assert.equal(state.status, 'disconnected');
  });
});

describe('platform REST client against a rate-limited sandbox', function () {
  let sandbox: TestSandbox;
  afterEach(async () => sandbox?.close());

  it('stays within 10 calls/s: 30 calls, no 429', async () => {
    sandbox = await startTestSandbox({ rateLimit: 10 });
    const log = captureLog();
    const client = new PlatformRestClient({
      apiUrl: sandbox.ready.apiUrl,
      apiKey: sandbox.ready.apiKey,
      apiToken: sandbox.ready.apiToken,
      log,
    });
    await Promise.all(Array.from({ length: 30 }, () => client.getClientStateConfig()));
    assert.deepEqual(
      log.lines.filter((l) => l.includes('429')),
      [],
    );
    client.dispose();
  });

  it('honours Retry-After when a faster client meets the 429', async () => {
    sandbox = await startTestSandbox({ rateLimit: 4 });
    const log = captureLog();
    const client = new PlatformRestClient({
      apiUrl: sandbox.ready.apiUrl,
      apiKey: sandbox.ready.apiKey,
      apiToken: sandbox.ready.apiToken,
      callsPerSecond: 100,
      log,
    });
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: 8 }, () => client.getClientStateConfig()));
    assert.equal(results.length, 8);
    assert.ok(
      log.lines.some((l) => /429; retry 1 of 3 in 1000 ms/.test(l)),
      log.lines.join('\n'),
    );
    // Four pass at once; the others waited the sandbox's Retry-After (1 s) before succeeding.
    assert.ok(performance.now() - started >= 1000);
    client.dispose();
  });
});

describe('platform REST client against the sandbox over TLS', function () {
  let sandbox: TestSandbox;
  before(async () => (sandbox = await startTestSandbox({ tls: true })));
  after(async () => sandbox.close());

  const client = (ca: string) =>
    new PlatformRestClient({
      apiUrl: sandbox.ready.httpsUrl!,
      apiKey: sandbox.ready.apiKey,
      apiToken: sandbox.ready.apiToken,
      ca,
    });

  it('trusts the sandbox through its CA file', async () => {
    const rest = client(fs.readFileSync(sandbox.ready.caFile!, 'utf8'));
    assert.equal((await rest.verify()).clientStateEnabled, true);
    rest.dispose();
  });

  it('reports a wrong CA as tls/unknownCa', async () => {
    const rest = client((await testCerts()).otherCa);
    const error = await failure(rest.verify());
    assert.ok(error instanceof PlatformError && error.kind === 'tls', String(error));
    assert.equal(error.tls, 'unknownCa');
    rest.dispose();
  });
});
