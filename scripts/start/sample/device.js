/* global setInterval, clearInterval */
// A device of the sample project that `npm start` opens: it connects to the platform with mqtt.js
// and publishes a reading every few seconds. Its connection comes from the environment (IOT_*,
// which .vscode/launch.json reads from .env; the debug task of the extension sets the same
// names), with fallbacks for the local sandbox.
const fs = require('fs');
const mqtt = require('mqtt');

const url = process.env.IOT_MQTT_URL || 'mqtt://127.0.0.1:1883';
const clientId = process.env.IOT_CLIENT_ID || 'd:sandbx:sample:sample-device-1';
const username = process.env.IOT_USERNAME || 'use-token-auth';
const password = process.env.IOT_PASSWORD || undefined;
const ca = process.env.IOT_CA_FILE ? fs.readFileSync(process.env.IOT_CA_FILE) : undefined;
const everyMs = Number(process.env.IOT_PUBLISH_MS) || 5000;

const client = mqtt.connect(url, { clientId, username, password, ca, keepalive: 30 });
client.on('connect', () => console.log(`connected to ${url} as ${clientId}`));
client.on('error', (error) => console.error(`mqtt: ${error.message}`));

let n = 0;
const timer = setInterval(() => {
  if (!client.connected) return;
  const reading = { temperature: 20 + Math.round(Math.sin(n++ / 5) * 50) / 10, at: new Date().toISOString() };
  client.publish('iot-2/evt/reading/fmt/json', JSON.stringify(reading));
  console.log('published', JSON.stringify(reading));
}, everyMs);

process.on('SIGINT', () => {
  clearInterval(timer);
  client.end(false, () => process.exit(0));
});
