import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findKeptToken, sandboxDataDirs, SANDBOX_DATA_ENV } from '../../../../src/features/localSandbox/keptToken';
import { bootstrapCredentials, CREDENTIALS_FILE } from '../../../../src/server/credentials';
import { memoryLogger } from '../../../../src/server/log';
import { SandboxStore } from '../../../../src/server/store/store';

describe("localSandbox/keptToken: the token a local sandbox keeps in its data dir, for this machine's user", () => {
  let root: string;
  let dataDir: string;
  let kept: { apiKey: string; apiToken: string };
  const local = () => ({ apiUrl: 'http://127.0.0.1:8088/api/v0002', mqttUrl: 'mqtt://127.0.0.1:1883', ...kept });

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-kept-token-'));
    dataDir = path.join(root, 'sandbox');
    fs.mkdirSync(dataDir);
    // The file as the server writes it on its first start with a data dir.
    kept = bootstrapCredentials(new SandboxStore(), 'sandbx', {}, dataDir, memoryLogger());
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('offers the token of the sandbox whose API key the platform has, on loopback URLs', async () => {
    const found = await findKeptToken([path.join(root, 'elsewhere'), dataDir], local());
    assert.deepStrictEqual(found, { token: kept.apiToken, file: path.join(dataDir, CREDENTIALS_FILE) });
    for (const apiUrl of ['http://localhost:1/api/v0002', 'http://[::1]:1/api/v0002', 'https://127.0.0.2/']) {
      assert.ok(await findKeptToken([dataDir], { ...local(), apiUrl }), apiUrl);
    }
  });

  it('offers nothing for another machine, another API key, or no API URL', async () => {
    for (const target of [
      { ...local(), apiUrl: 'http://192.168.1.10:8088/api/v0002' },
      { ...local(), apiUrl: 'http://sandbox.example.com/api/v0002' },
      { ...local(), mqttUrl: 'mqtt://10.0.0.1:1883' },
      { ...local(), apiUrl: 'http://127.0.0.1.nip.io/api/v0002' },
      { ...local(), apiKey: 'a-sandbx-someoneelse' },
      { ...local(), apiUrl: undefined },
      { ...local(), apiUrl: 'not a url' },
    ]) {
      assert.strictEqual(await findKeptToken([dataDir], target), undefined, JSON.stringify(target));
    }
  });

  it('offers nothing from a file others may read, a link, a large or unreadable file', async () => {
    const file = path.join(dataDir, CREDENTIALS_FILE);
    fs.chmodSync(file, 0o644);
    assert.strictEqual(await findKeptToken([dataDir], local()), undefined, 'readable by others');
    fs.chmodSync(file, 0o600);

    const linked = path.join(root, 'linked');
    fs.mkdirSync(linked);
    fs.symlinkSync(file, path.join(linked, CREDENTIALS_FILE));
    assert.strictEqual(await findKeptToken([linked], local()), undefined, 'a symbolic link');

    fs.writeFileSync(file, JSON.stringify({ ...kept, padding: 'x'.repeat(10_000) }), { mode: 0o600 });
    assert.strictEqual(await findKeptToken([dataDir], local()), undefined, 'too large');
    fs.writeFileSync(file, '{"apiKey":', { mode: 0o600 });
    assert.strictEqual(await findKeptToken([dataDir], local()), undefined, 'not JSON');
    fs.writeFileSync(file, JSON.stringify({ apiKey: kept.apiKey, apiToken: 42 }), { mode: 0o600 });
    assert.strictEqual(await findKeptToken([dataDir], local()), undefined, 'no token');
  });

  it("looks in npm start's data dir (from the environment, absolute only) before the extension's own", () => {
    assert.deepStrictEqual(sandboxDataDirs(['/own'], { [SANDBOX_DATA_ENV]: '/npm-start/sandbox' }), [
      '/npm-start/sandbox',
      '/own',
    ]);
    assert.deepStrictEqual(sandboxDataDirs(['/own'], { [SANDBOX_DATA_ENV]: 'relative' }), ['/own']);
    assert.deepStrictEqual(sandboxDataDirs([], {}), []);
  });
});
