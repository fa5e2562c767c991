// The sandbox platform of this test run, as the runner started it (`--sandbox`): its ready line
// arrives in the extension host's environment as IOT_SANDBOX.
import type { ReadyInfo } from '../../../src/core/readyInfo';

export function sandboxFromEnv(): ReadyInfo {
  const line = process.env.IOT_SANDBOX;
  if (!line) {
    throw new Error('IOT_SANDBOX is not set: run these tests with `npm run test:vscode` (it starts the sandbox)');
  }
  const ready = JSON.parse(line) as ReadyInfo;
  if (ready.event !== 'ready' || typeof ready.apiUrl !== 'string') {
    throw new Error("IOT_SANDBOX is not the sandbox's ready line");
  }
  return ready;
}

/** Basic auth of the sandbox's API key, as the platform expects it. */
export function sandboxAuthHeader(ready: ReadyInfo): string {
  return `Basic ${Buffer.from(`${ready.apiKey}:${ready.apiToken}`).toString('base64')}`;
}
