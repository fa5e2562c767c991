// The RabbitMQ source's tracker alone, over a real node's management API and a store of its own, for the cases a
// real broker does not produce on demand (an event without its client id).

import { Aedes } from 'aedes';
import { memoryLogger } from '../../../../../src/server/log';
import { MonitorPublisher } from '../../../../../src/server/monitor/publisher';
import { ObservedRecorder } from '../../../../../src/server/sources/observed/recorder';
import { CauseJoiner } from '../../../../../src/server/sources/rabbitmq/causes';
import { management } from '../../../../../src/server/sources/rabbitmq/management';
import { RabbitTracker } from '../../../../../src/server/sources/rabbitmq/tracker';
import { SandboxStore } from '../../../../../src/server/store/store';
import type { RabbitNode } from '../../../../support/brokers/rabbitmq';

export async function trackerOf(node: RabbitNode) {
  const log = memoryLogger();
  const store = new SandboxStore();
  const broker = await Aedes.createBroker();
  const recorder = new ObservedRecorder(store, new MonitorPublisher(broker, log), log);
  const url = new URL(node.managementUrl);
  url.username = encodeURIComponent(node.admin.user);
  url.password = encodeURIComponent(node.admin.password);
  const api = management({ url: url.toString() });
  const tracker = new RabbitTracker({
    recorder,
    joiner: new CauseJoiner(),
    log,
    api: () => api,
    count: () => undefined,
    nodeChanged: () => undefined,
  });
  return {
    tracker,
    store,
    lines: log.lines,
    close: () => new Promise<void>((resolve) => broker.close(() => resolve())),
  };
}
