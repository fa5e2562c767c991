// Device code that connects as the new device and publishes an event every 10 s, for mqtt.js,
// Eclipse Paho for Python and Eclipse Paho C (no `vscode` import; unit-tested, and the mqtt.js
// one is run against the sandbox in the extension-host tests). MQTT 3.1.1 everywhere: the
// platform refuses MQTT 5.
import { brokerUrl, type ConnectionFacts } from './facts';
import { cString, jsString, pyString } from './literals';

export const EVENT_TOPIC = 'iot-2/evt/status/fmt/json';

export interface Snippet {
  readonly language: 'javascript' | 'python' | 'c';
  readonly title: string;
  readonly install: string;
  readonly code: string;
}

function mqttJs(f: ConnectionFacts): Snippet {
  const lines = [
    `const mqtt = require('mqtt');`,
    ...(f.caFile ? [`const fs = require('fs');`] : []),
    '',
    `const client = mqtt.connect(${jsString(brokerUrl(f))}, {`,
    `  clientId: ${jsString(f.clientId)},`,
    `  username: ${jsString(f.username)},`,
    `  password: ${jsString(f.password)},`,
    `  protocolVersion: 4, // MQTT 3.1.1`,
    `  keepalive: 60,`,
    ...(f.caFile ? [`  ca: fs.readFileSync(${jsString(f.caFile)}),`] : []),
    `});`,
    '',
    `client.on('connect', () => console.log('connected as', ${jsString(f.clientId)}));`,
    `client.on('error', (err) => console.error('MQTT error:', err.message));`,
    `setInterval(() => {`,
    `  if (client.connected) client.publish(${jsString(EVENT_TOPIC)}, JSON.stringify({ d: { uptime: process.uptime() ` +
      `} }));`,
    `}, 10_000);`,
  ];
  return { language: 'javascript', title: 'Node.js: mqtt.js', install: 'npm install mqtt', code: lines.join('\n') };
}

function paho(f: ConnectionFacts): Snippet {
  const transport = f.websocket ? ', transport="websockets"' : '';
  const lines = [
    'import json',
    'import time',
    '',
    'import paho.mqtt.client as mqtt',
    '',
    `CLIENT_ID = ${pyString(f.clientId)}`,
    'try:  # paho-mqtt 2.x',
    `    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=CLIENT_ID, ` +
      `protocol=mqtt.MQTTv311${transport})`,
    'except AttributeError:  # paho-mqtt 1.x',
    `    client = mqtt.Client(client_id=CLIENT_ID, protocol=mqtt.MQTTv311${transport})`,
    `client.username_pw_set(${pyString(f.username)}, ${pyString(f.password)})`,
    ...(f.websocket ? [`client.ws_set_options(path=${pyString(f.path)})`] : []),
    ...(f.tls ? [f.caFile ? `client.tls_set(ca_certs=${pyString(f.caFile)})` : 'client.tls_set()'] : []),
    'client.on_connect = lambda c, userdata, flags, reason, properties=None: print("connected:", reason)',
    `client.connect(${pyString(f.host)}, ${f.port}, keepalive=60)`,
    'client.loop_start()',
    'while True:',
    `    client.publish(${pyString(EVENT_TOPIC)}, json.dumps({"d": {"time": time.time()}}))`,
    '    time.sleep(10)',
  ];
  return {
    language: 'python',
    title: 'Python: Eclipse Paho',
    install: 'pip install paho-mqtt',
    code: lines.join('\n'),
  };
}

function pahoC(f: ConnectionFacts): Snippet {
  // Paho C names TCP `tcp://` and TLS `ssl://`; WebSocket keeps ws:// and wss://.
  const scheme = { mqtt: 'tcp', mqtts: 'ssl', ws: 'ws', wss: 'wss' }[f.scheme];
  const lines = [
    '#include <stdio.h>',
    '#include <string.h>',
    '#include <unistd.h>',
    '#include "MQTTClient.h"',
    '',
    'int main(void) {',
    '  MQTTClient client;',
    '  MQTTClient_connectOptions opts = MQTTClient_connectOptions_initializer;',
    ...(f.tls ? ['  MQTTClient_SSLOptions ssl = MQTTClient_SSLOptions_initializer;'] : []),
    `  int rc = MQTTClient_create(&client, ${cString(brokerUrl(f, scheme))}, ${cString(f.clientId)}, ` +
      `MQTTCLIENT_PERSISTENCE_NONE, NULL);`,
    '  if (rc != MQTTCLIENT_SUCCESS) { fprintf(stderr, "create failed: %d\\n", rc); return 1; }',
    `  opts.username = ${cString(f.username)};`,
    `  opts.password = ${cString(f.password)};`,
    '  opts.keepAliveInterval = 60;',
    '  opts.cleansession = 1;',
    '  opts.MQTTVersion = MQTTVERSION_3_1_1;',
    ...(f.tls ? [...(f.caFile ? [`  ssl.trustStore = ${cString(f.caFile)};`] : []), '  opts.ssl = &ssl;'] : []),
    '  if ((rc = MQTTClient_connect(client, &opts)) != MQTTCLIENT_SUCCESS) { fprintf(stderr, "connect failed: ' +
      '%d\\n", rc); return 1; }',
    '  printf("connected\\n");',
    '  for (;;) {',
    '    const char *payload = "{\\"d\\":{\\"status\\":\\"ok\\"}}";',
    `    MQTTClient_publish(client, ${cString(EVENT_TOPIC)}, (int)strlen(payload), payload, 0, 0, NULL);`,
    '    sleep(10);',
    '  }',
    '}',
  ];
  const lib = f.tls ? 'paho-mqtt3cs' : 'paho-mqtt3c';
  return {
    language: 'c',
    title: 'C: Eclipse Paho C (MQTTClient)',
    install: `cc device.c -l${lib} -o device`,
    code: lines.join('\n'),
  };
}

export function deviceSnippets(f: ConnectionFacts): Snippet[] {
  return [mqttJs(f), paho(f), pahoC(f)];
}
