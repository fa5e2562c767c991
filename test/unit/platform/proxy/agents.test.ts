// Through a real proxy (Debian's tinyproxy, started here): the REST client and the monitor's MQTT
// over WebSocket reach the sandbox through it, the proxy sees only CONNECT to the platform's own
// host and port (never the token), plain HTTP goes to the platform's URL only, `noProxy` goes
// direct, and `strictSSL` decides whether certificates are checked through the proxy.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { PlatformError, PlatformRestClient } from '../../../../src/platform';
import type { ProxySettings } from '../../../../src/platform/proxy/agents';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { WatchedMonitor } from '../support/monitors';
import { startTinyproxy, type Tinyproxy } from '../support/tinyproxy';

describe('platform proxy: REST and MQTT over WebSocket through tinyproxy', function () {
  this.timeout(30_000);
  let sandbox: TestSandbox;
  let proxy: Tinyproxy;
  let ca: string;
  const clients: PlatformRestClient[] = [];
  const through = (extra: Partial<ProxySettings> = {}): ProxySettings => ({
    url: proxy.url,
    noProxy: ['<-loopback>'],
    ...extra,
  });
  const rest = (apiUrl: string, settings: ProxySettings, withCa = true) => {
    const client = new PlatformRestClient({
      apiUrl,
      apiKey: sandbox.ready.apiKey,
      apiToken: sandbox.ready.apiToken,
      ...(withCa ? { ca } : {}),
      proxy: settings,
      maxRetries: 0,
    });
    clients.push(client);
    return client;
  };
  const hostOf = (url: string) => new URL(url).host;
  const neverSeesToken = () => {
    const log = proxy.log();
    assert.ok(!log.includes(sandbox.ready.apiToken), 'the token never reaches the proxy');
    assert.ok(!/authorization/i.test(log), 'no Authorization header at the proxy');
  };

  before(async () => {
    sandbox = await startTestSandbox({ tls: true });
    ca = fs.readFileSync(sandbox.ready.caFile!, 'utf8');
  });
  beforeEach(async () => (proxy = await startTinyproxy()));
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.dispose());
    await proxy.close();
  });
  after(async () => sandbox.close());

  it('tunnels HTTPS REST calls: the proxy sees CONNECT to the platform only', async () => {
    const client = rest(sandbox.ready.httpsUrl!, through());
    assert.equal((await client.verify()).orgId, sandbox.ready.org);
    await client.getClientStateConfig();
    const requests = proxy.requests();
    assert.ok(requests.length >= 1);
    assert.deepEqual([...new Set(requests)], [`CONNECT ${hostOf(sandbox.ready.httpsUrl!)}`]);
    neverSeesToken();
  });

  it("sends plain HTTP REST calls to the platform's URL only", async () => {
    const client = rest(sandbox.ready.apiUrl, through());
    assert.equal((await client.verify()).orgId, sandbox.ready.org);
    const requests = proxy.requests();
    assert.ok(requests.length >= 1);
    for (const r of requests) assert.ok(r.startsWith(`GET ${sandbox.ready.apiUrl}/`), r);
  });

  it('tunnels MQTT over secure WebSocket and over WebSocket', async () => {
    for (const mqttUrl of [sandbox.ready.wssUrl!, sandbox.ready.wsUrl]) {
      const w = new WatchedMonitor({
        mqttUrl,
        orgId: sandbox.ready.org,
        appId: 'proxied',
        apiKey: sandbox.ready.apiKey,
        apiToken: sandbox.ready.apiToken,
        ca,
        proxy: through(),
      });
      try {
        w.monitor.start();
        await w.state('connected');
      } finally {
        await w.monitor.dispose();
      }
      assert.deepEqual(proxy.requests().at(-1), `CONNECT ${hostOf(mqttUrl)}`);
    }
    assert.equal(proxy.requests().length, 2);
    neverSeesToken();
  });

  it('goes direct for a host in noProxy, and for loopback by default', async () => {
    const host = new URL(sandbox.ready.httpsUrl!).hostname;
    await rest(sandbox.ready.httpsUrl!, through({ noProxy: ['<-loopback>', host] })).verify();
    await rest(sandbox.ready.httpsUrl!, through({ noProxy: [] })).verify();
    assert.deepEqual(proxy.requests(), []);
  });

  it('checks certificates through the proxy unless http.proxyStrictSSL is false', async () => {
    const strict = rest(sandbox.ready.httpsUrl!, through(), false);
    const error = await strict.verify().then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof PlatformError && error.kind === 'tls', String(error));
    const lax = rest(sandbox.ready.httpsUrl!, through({ strictSSL: false }), false);
    assert.equal((await lax.verify()).orgId, sandbox.ready.org);
    assert.ok(proxy.requests().every((r) => r === `CONNECT ${hostOf(sandbox.ready.httpsUrl!)}`));
  });

  it('fails, rather than going direct, when the proxy is down', async () => {
    const url = proxy.url;
    await proxy.close();
    const error = await rest(sandbox.ready.httpsUrl!, { url, noProxy: ['<-loopback>'] })
      .verify()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof PlatformError && error.kind === 'network', String(error));
    proxy = await startTinyproxy();
  });
});
