// The device code of "Register Device…" run for real: each snippet (mqtt.js under Node, Eclipse
// Paho for Python, Eclipse Paho C compiled with cc) connects to the sandbox as a device registered
// through the REST API, over plain MQTT, MQTT over TLS with the sandbox's CA, and WebSocket, and
// the state API shows it connected. The token holds the characters that break naive quoting.
// Needs Debian's python3-paho-mqtt and libpaho-mqtt-dev (and cc).
import * as assert from 'assert';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PlatformRestClient } from '../../../../src/platform/rest/client';
import { connectionFacts } from '../../../../src/features/register/facts';
import { deviceSnippets, type Snippet } from '../../../../src/features/register/snippets';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';

const TOKEN = `q"u\\o?t'e$\`{x}-%s`;
const projectModules = path.resolve(__dirname, '../../../../../node_modules');

function need(command: string, args: string[], apt: string): void {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: apt-get install -y ${apt}\n${probe.stderr ?? ''}`);
  }
}

/** The first Python that has Paho: the one on PATH may be a pyenv without Debian's packages. */
function pythonWithPaho(): string {
  const found = ['python3', '/usr/bin/python3'].find(
    (py) => spawnSync(py, ['-c', 'import paho.mqtt.client']).status === 0,
  );
  if (!found) throw new Error('no python3 can import paho.mqtt.client: apt-get install -y python3-paho-mqtt');
  return found;
}

describe('register/snippets: the device code runs and connects', function () {
  this.timeout(60_000);
  let sb: TestSandbox;
  let rest: PlatformRestClient;
  let dir: string;
  const running: ChildProcess[] = [];
  let n = 0;
  let python = 'python3';

  before(async () => {
    python = pythonWithPaho();
    need('sh', ['-c', 'test -f /usr/include/MQTTClient.h && command -v cc'], 'libpaho-mqtt-dev build-essential');
    sb = await startTestSandbox({ tls: true });
    rest = new PlatformRestClient({ apiUrl: sb.ready.apiUrl, apiKey: sb.ready.apiKey, apiToken: sb.ready.apiToken });
    await rest.createDeviceType('snippet');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-snippets-'));
  });
  afterEach(() => {
    for (const child of running.splice(0)) child.kill('SIGKILL');
  });
  after(async () => {
    rest?.dispose();
    await sb?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Registers a new device, runs the snippet of `language` for `url`, waits for "connected". */
  async function runs(language: Snippet['language'], url: () => string): Promise<void> {
    const deviceId = `dev-${language}-${++n}`;
    const created = await rest.createDevice('snippet', { deviceId, authToken: TOKEN });
    assert.strictEqual(created.authToken, TOKEN);
    const facts = connectionFacts({
      mqttUrl: url(),
      caFile: sb.ready.caFile ?? undefined,
      clientId: `d:${sb.ready.org}:snippet:${deviceId}`,
      token: created.authToken,
    });
    const snippet = deviceSnippets(facts).find((s) => s.language === language);
    assert.ok(snippet);
    const file = path.join(dir, `${deviceId}.${{ javascript: 'js', python: 'py', c: 'c' }[language]}`);
    fs.writeFileSync(file, snippet.code);
    let command: string[];
    if (language === 'c') {
      const exe = file.replace(/\.c$/, '');
      const lib = facts.tls ? 'paho-mqtt3cs' : 'paho-mqtt3c';
      const cc = spawnSync('cc', [file, `-l${lib}`, '-o', exe], { encoding: 'utf8' });
      assert.strictEqual(cc.status, 0, `cc failed:\n${cc.stderr}`);
      command = [exe];
    } else {
      command = language === 'python' ? [python, file] : [process.execPath, file];
    }
    let output = '';
    const child = spawn(command[0], command.slice(1), {
      env: { ...process.env, NODE_PATH: projectModules },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.push(child);
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await Promise.race([
      waitFor(
        `${facts.clientId} connected by the ${language} snippet`,
        async () => {
          const state = await rest.getClientState(facts.clientId).catch(() => undefined);
          return state?.status === 'connected';
        },
        { timeoutMs: 15_000, intervalMs: 100 },
      ),
      exited.then((code) => assert.fail(`the ${language} snippet exited (${code}) before connecting:\n${output}`)),
    ]);
  }

  for (const language of ['javascript', 'python', 'c'] as const) {
    it(`${language}: plain MQTT`, () => runs(language, () => sb.ready.mqttUrl));
    it(`${language}: MQTT over TLS, trusting the sandbox's CA file`, () =>
      runs(language, () => sb.ready.mqttsUrl ?? assert.fail('no mqtts')));
    it(`${language}: MQTT over WebSocket at /mqtt`, () => runs(language, () => sb.ready.wsUrl));
  }
});
