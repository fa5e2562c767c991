// The npm start handover in a real extension host: a ready line in the file IOTC_BOOTSTRAP names
// becomes the active platform with its token in secret storage, and the file is deleted; a
// malformed, oversized or missing file is refused (and still deleted) without adding anything.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { BOOTSTRAP_ENV, takeBootstrap } from '../../../../src/features/localSandbox/bootstrap';
import { Log } from '../../../../src/vscode/log';
import { sandboxFromEnv } from '../../support/sandbox';
import { extensionApi, removeAllPlatforms } from '../clients/fixture';

describe('the npm start handover (IOTC_BOOTSTRAP)', () => {
  let api: IotConnectivityApi;
  let dir: string;
  let log: Log;

  before(async () => {
    api = await extensionApi();
    await removeAllPlatforms(api);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-bootstrap-'));
    log = new Log(vscode.window.createOutputChannel('IoT Connectivity handover test', { log: true }));
  });
  after(async () => {
    log.dispose();
    await removeAllPlatforms(api);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const handover = (name: string, text: string | Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text, { mode: 0o600 });
    return { [BOOTSTRAP_ENV]: file };
  };

  it('takes a ready line: the platform is active, its token in secret storage, the file gone', async () => {
    const ready = sandboxFromEnv();
    const env = handover('good.json', `${JSON.stringify({ ...ready, platformName: 'Handed over' })}\n`);
    assert.strictEqual(await takeBootstrap(api.platforms, log, env), true);
    assert.strictEqual(fs.existsSync(env[BOOTSTRAP_ENV]), false);
    assert.strictEqual(api.platforms.activeName(), 'Handed over');
    const status = await api.platforms.status();
    assert.strictEqual(status.kind, 'ready');
    assert.strictEqual(status.kind === 'ready' && status.platform.credentials.apiToken, ready.apiToken);
    assert.ok(
      !JSON.stringify(vscode.workspace.getConfiguration('iotConnectivity').inspect('platforms')).includes(
        ready.apiToken,
      ),
    );
  });

  it('refuses malformed or hostile handovers, deletes them, and adds nothing', async () => {
    const before = api.platforms.list().length;
    for (const [name, text] of [
      ['notjson.json', '{"event":"ready", nope'],
      ['wrong.json', JSON.stringify({ event: 'started', apiUrl: 'http://127.0.0.1:1/api/v0002' })],
      [
        'partial.json',
        JSON.stringify({ ...sandboxFromEnv(), apiToken: undefined, platformName: '<img src=x onerror=alert(1)>' }),
      ],
    ] as const) {
      const env = handover(name, text);
      assert.strictEqual(await takeBootstrap(api.platforms, log, env), false, name);
      assert.strictEqual(fs.existsSync(env[BOOTSTRAP_ENV]), false, `${name} deleted`);
    }
    assert.strictEqual(
      await takeBootstrap(api.platforms, log, { [BOOTSTRAP_ENV]: path.join(dir, 'never-written.json') }),
      false,
    );
    assert.strictEqual(await takeBootstrap(api.platforms, log, {}), false);
    assert.strictEqual(api.platforms.list().length, before);
  });

  it('leaves alone, unread, a file that is not a handover: too big, readable by others, a link, a folder', async () => {
    const before = api.platforms.list().length;
    const good = `${JSON.stringify(sandboxFromEnv())}\n`;
    const huge = handover('huge.json', Buffer.alloc(1024 * 1024, 'x'))[BOOTSTRAP_ENV];
    const shared = path.join(dir, 'shared.json');
    fs.writeFileSync(shared, good, { mode: 0o644 });
    fs.chmodSync(shared, 0o644);
    const target = handover('target.json', good)[BOOTSTRAP_ENV];
    const link = path.join(dir, 'link.json');
    fs.symlinkSync(target, link);
    const folder = fs.mkdtempSync(path.join(dir, 'folder-'));
    for (const file of [huge, shared, link, folder]) {
      assert.strictEqual(await takeBootstrap(api.platforms, log, { [BOOTSTRAP_ENV]: file }), false, file);
      assert.ok(fs.existsSync(file), `${path.basename(file)} is still there`);
    }
    assert.ok(fs.existsSync(target), "the link's target is still there");
    assert.strictEqual(api.platforms.list().length, before);
  });
});
