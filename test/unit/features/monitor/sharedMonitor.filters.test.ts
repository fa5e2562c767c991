// Leases that want every client under a monitor filter (the debugging loop while a session runs):
// against the real sandbox, the filter lease hears everyone, a client lease only its own clients,
// exact topics under a filter are not subscribed twice, and letting the filter go unsubscribes it.

import * as assert from 'node:assert/strict';
import { DEBUG_MONITOR_FILTERS } from '../../../../src/features/debug/loop';
import { SharedMonitor } from '../../../../src/features/monitor/sharedMonitor';
import { connected } from '../../../support/mqtt';
import { startTestSandbox, type TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';
import { captureLog } from '../../platform/support/clients';
import { RecordedLease, topicOf } from './support';

describe('features/monitor: leases with filters', function () {
  this.timeout(20_000);
  let sandbox: TestSandbox;
  let monitor: SharedMonitor;
  let debug: RecordedLease;
  before(async () => {
    sandbox = await startTestSandbox();
    const { mqttUrl, org, apiKey, apiToken } = sandbox.ready;
    monitor = new SharedMonitor({ mqttUrl, orgId: org, appId: 'filters', apiKey, apiToken, log: captureLog() });
  });
  after(async () => {
    await monitor?.dispose();
    await sandbox?.close();
  });

  it('hears every client under its filters; a client lease only its own; no topic twice', async () => {
    const a = sandbox.registerDevice('boiler', 'a');
    const b = sandbox.registerDevice('valve', 'b');
    await connected(sandbox.device(a));
    const pins = new RecordedLease(monitor, 'pins');
    debug = new RecordedLease(monitor, 'debug');
    await pins.lease.setClients([a.clientId]);
    await debug.lease.setFilters(DEBUG_MONITOR_FILTERS);
    await Promise.all([pins.live(), debug.live()]);
    assert.deepEqual([...monitor.subscribed].sort(), [...DEBUG_MONITOR_FILTERS].sort(), topicOf(a));
    await waitFor(
      'the retained Connect of a to reach both',
      () => pins.messages.length > 0 && debug.messages.length > 0,
    );
    await connected(sandbox.device(b));
    await connected(sandbox.app('some-app'));
    await debug.message(b.clientId, 'Connect');
    await debug.message(`a:${sandbox.ready.org}:some-app`, 'Connect');
    assert.deepEqual(pins.clientsSeen(), [a.clientId]);
  });

  it('unsubscribes the filters when the lease lets them go, and the exact topic comes back', async () => {
    const a = sandbox.registerDevice('boiler', 'a');
    await debug.lease.setFilters([]);
    await waitFor('only the exact topic', () => monitor.subscribed.join() === topicOf(a));
  });
});
