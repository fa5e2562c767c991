import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NPM_START_PLATFORM, startPaths, writeProfile } from '../../../../scripts/start/profile';
import type { ReadyInfo } from '../../../../src/core/readyInfo';
import { readReadyLine } from '../../../../src/features/localSandbox/readyLine';

const READY: ReadyInfo = {
  event: 'ready',
  org: 'sandbx',
  apiUrl: 'http://127.0.0.1:8088/api/v0002',
  mqttUrl: 'mqtt://127.0.0.1:1883',
  mqttsUrl: null,
  wsUrl: 'ws://127.0.0.1:8083/mqtt',
  wssUrl: null,
  httpsUrl: null,
  apiKey: 'a-sandbx-0123456789',
  apiToken: 'the-secret-token',
  caFile: null,
};

describe('start/profile: the VS Code profile npm start opens', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-profile-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const settingsOf = (userDataDir: string) =>
    JSON.parse(fs.readFileSync(path.join(userDataDir, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;

  it('names the sandbox as the active platform in user settings, without its token', () => {
    const paths = startPaths(dir, 'browser');
    writeProfile(paths, READY);
    const text = fs.readFileSync(path.join(paths.userDataDir, 'User', 'settings.json'), 'utf8');
    assert.ok(!text.includes(READY.apiToken), 'no token in settings.json');
    const settings = settingsOf(paths.userDataDir);
    assert.deepStrictEqual(settings['iotConnectivity.platforms'], [
      { name: NPM_START_PLATFORM, orgId: 'sandbx', apiUrl: READY.apiUrl, mqttUrl: READY.mqttUrl, apiKey: READY.apiKey },
    ]);
    assert.strictEqual(settings['iotConnectivity.activePlatform'], NPM_START_PLATFORM);
    assert.strictEqual(settings['security.workspace.trust.enabled'], false, 'the quiet profile of the tests');
  });

  it('hands the token over in a file only this user can read, which the extension can read as a ready line', () => {
    const paths = startPaths(dir, 'desktop');
    writeProfile(paths, READY);
    assert.strictEqual(fs.statSync(paths.bootstrapFile).mode & 0o777, 0o600);
    const text = fs.readFileSync(paths.bootstrapFile, 'utf8');
    assert.deepStrictEqual(readReadyLine(text.trim()), READY);
    assert.strictEqual(JSON.parse(text).platformName, NPM_START_PLATFORM);
    assert.deepStrictEqual(
      fs.readdirSync(path.dirname(paths.bootstrapFile)).filter((f) => f.startsWith('iotc-bootstrap')),
      ['iotc-bootstrap.json'],
      'no temporary file left',
    );
  });

  it("a second start updates its platform and keeps the others and the person's own settings", () => {
    const paths = startPaths(dir, 'browser');
    writeProfile(paths, READY);
    const file = path.join(paths.userDataDir, 'User', 'settings.json');
    const mine = { name: 'production', orgId: 'abc123', apiKey: 'a-abc123-0123456789' };
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...settingsOf(paths.userDataDir),
        'workbench.colorTheme': 'Default Dark Modern',
        'iotConnectivity.platforms': [
          mine,
          ...(settingsOf(paths.userDataDir)['iotConnectivity.platforms'] as unknown[]),
        ],
      }),
    );
    writeProfile(paths, { ...READY, apiUrl: 'http://127.0.0.1:40000/api/v0002' });
    const settings = settingsOf(paths.userDataDir);
    assert.strictEqual(settings['workbench.colorTheme'], 'Default Dark Modern');
    assert.deepStrictEqual(
      (settings['iotConnectivity.platforms'] as { name: string; apiUrl?: string }[]).map((p) => [p.name, p.apiUrl]),
      [
        ['production', undefined],
        [NPM_START_PLATFORM, 'http://127.0.0.1:40000/api/v0002'],
      ],
    );
  });
});
