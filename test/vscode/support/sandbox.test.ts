// The runner's sandbox reaches the extension host: later suites drive the extension against it.
import * as assert from 'assert';
import { sandboxAuthHeader, sandboxFromEnv } from './sandbox';

describe('the sandbox platform of this run', () => {
  it('is reachable from the extension host with the credentials of its ready line', async () => {
    const ready = sandboxFromEnv();
    const response = await fetch(`${ready.apiUrl}/config/clientstate`, {
      headers: { authorization: sandboxAuthHeader(ready) },
    });
    assert.strictEqual(response.status, 200);
    assert.deepStrictEqual(await response.json(), { enabled: true });
  });
});
