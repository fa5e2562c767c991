// The workspace `npm start` opens: a small device project (scripts/start/sample/: a Node program
// with mqtt.js that publishes every few seconds, and a launch.json that debugs it), copied once so
// the person's edits stay, and its `.env` written on every start with the connection of the
// device `sample-device-1` registered on the sandbox (IOT_MQTT_URL, IOT_CLIENT_ID, IOT_USERNAME,
// IOT_PASSWORD), readable by this user only.
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { ReadyInfo } from '../../src/core/readyInfo';
import { PlatformError, PlatformRestClient } from '../../src/platform';
import { projectRoot } from '../vscode-web/paths';

export const SAMPLE_TYPE = 'sample';
export const SAMPLE_DEVICE = 'sample-device-1';
const TEMPLATE = path.join(projectRoot, 'scripts', 'start', 'sample');

function copyOnce(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(target, { recursive: true });
      copyOnce(source, target);
    } else if (!fs.existsSync(target)) fs.copyFileSync(source, target);
  }
}

/** The sample device's token: kept in the data dir, so a second start finds the device as it was. */
async function sampleToken(ready: ReadyInfo, dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'sample-device-token');
  const kept = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '';
  const token = kept || randomBytes(12).toString('hex');
  const rest = new PlatformRestClient({ apiUrl: ready.apiUrl, apiKey: ready.apiKey, apiToken: ready.apiToken });
  try {
    await rest.createDeviceType(SAMPLE_TYPE).catch((e: unknown) => {
      if (!(e instanceof PlatformError && e.kind === 'conflict')) throw e;
    });
    await rest.createDevice(SAMPLE_TYPE, { deviceId: SAMPLE_DEVICE, authToken: token }).catch((e: unknown) => {
      if (!(e instanceof PlatformError && e.kind === 'conflict' && kept)) throw e;
    });
  } finally {
    rest.dispose();
  }
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return token;
}

export async function writeSampleProject(workspace: string, ready: ReadyInfo, dataDir: string): Promise<void> {
  fs.mkdirSync(workspace, { recursive: true });
  copyOnce(TEMPLATE, workspace);
  const env = {
    IOT_MQTT_URL: ready.mqttUrl,
    IOT_CLIENT_ID: `d:${ready.org}:${SAMPLE_TYPE}:${SAMPLE_DEVICE}`,
    IOT_USERNAME: 'use-token-auth',
    IOT_PASSWORD: await sampleToken(ready, dataDir),
  };
  const text = Object.entries(env)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  fs.writeFileSync(path.join(workspace, '.env'), `${text}\n`, { mode: 0o600 });
}
