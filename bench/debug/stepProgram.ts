// The program stepLatency.bench.ts debugs (written to a temp folder at run time): a device that
// connects with mqtt.js to the sandbox, writes its pid once connected, then runs a loop of plain
// statements where the probe stops it and steps. The loop ends by itself after STEP_LIFETIME_MS,
// so a copy left behind by a crash (its debugger gone, running on) does not spin for ever.

export const STEP_PROGRAM = `const fs = require('fs');
const path = require('path');
const mqtt = require(process.env.MQTT_JS);
const e = process.env;
const end = Date.now() + Number(e.STEP_LIFETIME_MS);
const client = mqtt.connect(e.IOT_MQTT_URL, {
  clientId: e.IOT_CLIENT_ID,
  username: 'use-token-auth',
  password: e.IOT_PASSWORD,
  keepalive: 3600,
  reconnectPeriod: 0,
});
client.on('error', () => undefined);
client.once('connect', () => {
  fs.writeFileSync(path.join(e.OUT, 'pid'), String(process.pid));
  setImmediate(work);
});
function work() {
  let a = 0;
  let b = 1;
  while (Date.now() < end) {
    const c = (a + b) % 1000; // BREAKPOINT
    a = b;
    b = c;
  }
  client.end(true);
}
`;

/** 1-based, as editors count. */
export const STEP_BREAKPOINT_LINE = STEP_PROGRAM.split('\n').findIndex((l) => l.includes('// BREAKPOINT')) + 1;
