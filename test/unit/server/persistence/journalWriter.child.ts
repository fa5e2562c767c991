// Run as a child process by the persistence test: writes client states, activity and log lines
// to a journaled store as fast as it can, and prints on stdout how many it has acknowledged,
// until the test kills it with SIGKILL.

import { memoryLogger } from '../../../../src/server/log';
import { openStore } from '../../../../src/server/persistence/index';

const store = openStore(process.argv[2], memoryLogger());
store.addType({ id: 'sensor', createdDateTime: new Date().toISOString() });
let acknowledged = 0;

function step(): void {
  for (let k = 0; k < 25; k++) {
    const i = acknowledged;
    const id = `d:org1x2:sensor:s-${i}`;
    store.putState({
      id,
      clientType: 'device',
      connectionStatus: 'connected',
      lastConnectTime: new Date().toISOString(),
      lastActivityEvent: 'mqttConnect',
      lastActivityTime: new Date().toISOString(),
    });
    store.putState({
      ...store.getState(id)!,
      lastActivityEvent: 'mqttPublish',
      lastActivityTime: new Date(Date.UTC(2024, 0, 1) + i).toISOString(),
    });
    store.appendLog('sensor', `s-${i}`, { message: `line ${i}`, timestamp: new Date().toISOString() });
    acknowledged++;
  }
  process.stdout.write(`${acknowledged}\n`);
  setImmediate(step);
}
step();
