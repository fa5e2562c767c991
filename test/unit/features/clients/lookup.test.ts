// Which client a person means (features/clients/lookup.ts), against the real server's API: an exact id of any form,
// a device id, a part of an id; and a platform that ignores the part filter, from a fault server.
import * as assert from 'node:assert/strict';
import { clientTypeOfId } from '../../../../src/core/ids';
import { lookUpClient } from '../../../../src/features/clients/lookup';
import { PlatformRestClient } from '../../../../src/platform';
import { LONGEST_CLIENT_ID, ODD_CLIENT_IDS } from '../../../support/clientIds';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { faultClient } from '../../platform/support/clients';
import { json, startFaultServer } from '../../platform/support/faultServer';

describe('features/clients/lookup', () => {
  let sandbox: TestSandbox;
  let rest: PlatformRestClient;
  const ids = [...ODD_CLIENT_IDS, LONGEST_CLIENT_ID, 'd:testor:sensor:s-1', 'd:testor:valve:s-1', 'kitchen/s-1'];
  before(async () => {
    sandbox = await startTestSandbox();
    for (const id of ids) {
      sandbox.store.putState({ id, clientType: clientTypeOfId(id), connectionStatus: 'connected' });
    }
    const { apiUrl, apiKey, apiToken } = sandbox.ready;
    rest = new PlatformRestClient({ apiUrl, apiKey, apiToken });
  });
  after(async () => {
    rest.dispose();
    await sandbox.close();
  });

  it('finds an exact id of any form first', async () => {
    for (const id of [...ODD_CLIENT_IDS, LONGEST_CLIENT_ID, 'd:testor:sensor:s-1']) {
      const found = await lookUpClient(rest, id);
      assert.ok(found.found && found.by === 'id' && found.records[0].id === id, id.slice(0, 30));
    }
  });

  it('then a device id, then a part of an id, case-sensitively', async () => {
    const device = await lookUpClient(rest, 's-1');
    assert.ok(device.found && device.by === 'deviceId');
    assert.deepEqual(device.records.map((r) => r.id).sort(), ['d:testor:sensor:s-1', 'd:testor:valve:s-1']);
    const part = await lookUpClient(rest, 'kitchen');
    assert.ok(part.found && part.by === 'idContains');
    assert.deepEqual(part.records.map((r) => r.id).sort(), ['kitchen/s-1', 'sensor/kitchen/1']);
    assert.deepEqual(await lookUpClient(rest, 'KITCHEN'), { found: false });
    assert.deepEqual(await lookUpClient(rest, ''), { found: false });
  });

  it('offers only ids that hold the text when a platform ignores the part filter', async () => {
    const server = await startFaultServer((req, res) => {
      if ((req.url ?? '').includes('/clientconnectionstates/')) return json(res, 404, { message: 'no' });
      json(res, 200, {
        results: [
          { id: 'd:o:t:a', connectionStatus: 'connected' },
          { id: 'kitchen-2', connectionStatus: 'connected' },
        ],
        meta: { total_rows: 2 },
      });
    });
    const plain = faultClient(server.apiUrl);
    try {
      const found = await lookUpClient(plain, 'kitchen');
      assert.ok(found.found && found.by === 'idContains');
      assert.deepEqual(
        found.records.map((r) => r.id),
        ['kitchen-2'],
      );
    } finally {
      plain.dispose();
      await server.close();
    }
  });
});
