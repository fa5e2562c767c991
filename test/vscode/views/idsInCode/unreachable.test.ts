// Client ids in code when the platform cannot answer, in a real extension host: a platform that
// refuses connections or rate-limits with a long Retry-After gets lenses that say
// "unknown (platform unreachable)" and a hover that says why; one that accepts the call and never
// answers holds nothing up: the lens says "looking up…" at once while the call is on the wire, and
// the hover answers after its short wait, long before the REST client's 15 s timeout.
import * as assert from 'assert';
import * as net from 'net';
import type { IotConnectivityApi } from '../../../../src/extension';
import { waitFor } from '../../../support/waitFor';
import { json, apiError, startFaultServer, type FaultServer } from '../../../unit/platform/support/faultServer';
import { extensionApi, ready, removeAllPlatforms, useSandbox } from '../clients/fixture';
import { closeFiles, hoverAt, lenses, lensesWhen, showFile } from './fixture';

/** A loopback port nothing listens on (it did a moment ago). */
async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Client ids in code: a platform that is down, silent or rate-limited', () => {
  let api: IotConnectivityApi;
  let server: FaultServer | undefined;

  async function usePlatform(name: string, apiUrl: string): Promise<void> {
    await useSandbox(api, { name, apiUrl });
    await waitFor(`the ids session of ${name}`, () => api.idsInCode.session.active?.platformName === name);
  }

  before(async () => {
    api = await extensionApi();
  });
  afterEach(async () => {
    await closeFiles();
    await removeAllPlatforms(api);
    await server?.close();
    server = undefined;
  });

  it('says unknown (platform unreachable) when the platform refuses connections, and the hover says why', async () => {
    await usePlatform('down', `http://127.0.0.1:${await refusedPort()}/api/v0002`);
    const id = `d:${ready().org}:boiler:down-1`;
    const editor = await showFile('device.js', `const clientId = '${id}';\n`);
    await lensesWhen(
      editor.document,
      'the lens to say unreachable',
      (t) => t[0] === '? unknown (platform unreachable)',
    );
    const [hover] = await hoverAt(editor.document, id);
    assert.match(hover.value, /The state of down\\-1 is unknown: platform down could not be reached\./);
    assert.match(hover.value, /Why: /);
  });

  it('says unknown (platform unreachable) when rate-limited, and holds later calls for the Retry-After', async () => {
    server = await startFaultServer((_req, res) =>
      json(res, 429, apiError('CUDAP0429E', 'Too many requests'), { 'retry-after': '60' }),
    );
    await usePlatform('busy', server.apiUrl);
    const [first, second] = [`d:${ready().org}:boiler:busy-1`, `a:${ready().org}:busy-app`];
    const editor = await showFile('ids.py', `FIRST = "${first}"\n`);
    await lensesWhen(
      editor.document,
      'the lens to say unreachable',
      (t) => t[0] === '? unknown (platform unreachable)',
    );
    // The lookups' own calls: the Clients tree and the watcher ask the same platform on their own.
    const lookups = () => api.idsInCode.session.active!.lookups;
    const calls = () => Object.values(lookups().stats.calls).reduce((a, b) => a + b, 0);
    await waitFor('the Retry-After hold', () => lookups().stats.heldUntil > Date.now() + 30_000);
    const asked = calls();
    assert.ok(asked > 0 && server.requests.length > 0);
    await editor.edit((e) => e.insert(editor.document.lineAt(1).range.start, `SECOND = "${second}"\n`));
    const titles = await lensesWhen(editor.document, 'both lenses', (t) => t.length === 4);
    assert.deepStrictEqual(titles, ['? unknown (platform unreachable)', 'Timeline', '… looking up…', 'Timeline']);
    assert.strictEqual(
      calls(),
      asked,
      `no lookup while the Retry-After holds; the platform was asked ${server.requests.map((r) => r.url).join(', ')}`,
    );
  });

  it('never waits for a platform that does not answer: lens at once, hover after a moment', async () => {
    server = await startFaultServer(() => undefined); // reads every request, answers none
    await usePlatform('silent', server.apiUrl);
    const id = `d:${ready().org}:boiler:silent-1`;
    const editor = await showFile('device.js', `const clientId = '${id}';\n`);
    await lensesWhen(editor.document, 'the lens', (t) => t.length === 2);
    await server.waitForRequests(1);
    // The call is on the wire and unanswered; the REST client gives up on it after 15 s.
    let started = Date.now();
    const titles = (await lenses(editor.document)).map((l) => l.title);
    assert.deepStrictEqual(titles, ['… looking up…', 'Timeline']);
    assert.ok(Date.now() - started < 5_000, `the lenses took ${Date.now() - started} ms`);
    started = Date.now();
    const [hover] = await hoverAt(editor.document, id);
    assert.match(hover.value, /^Looking up silent\\-1 on platform silent…/);
    assert.ok(Date.now() - started < 8_000, `the hover took ${Date.now() - started} ms`);
  });
});
