// A program of its own (a device's code, for tests): connects with mqtt.js as IOTC_CLIENT_ID to
// IOTC_MQTT_URL (again after IOTC_RECONNECT_MS when dropped, if given), prints one JSON line with
// its pid and its connection's local address:port once connected, and exits when its stdin ends
// (so it never outlives the test that started it).
import { connect } from 'mqtt';

const env = process.env;
const client = connect(env.IOTC_MQTT_URL ?? '', {
  clientId: env.IOTC_CLIENT_ID,
  username: env.IOTC_USERNAME || undefined,
  password: env.IOTC_PASSWORD || undefined,
  keepalive: Number(env.IOTC_KEEPALIVE ?? 60),
  reconnectPeriod: Number(env.IOTC_RECONNECT_MS ?? 0),
});
client.on('connect', () => {
  const socket = client.stream as unknown as { localAddress?: string; localPort?: number };
  const { localAddress, localPort } = socket;
  process.stdout.write(`${JSON.stringify({ pid: process.pid, ppid: process.ppid, localAddress, localPort })}\n`);
});
client.on('error', (err) => process.stderr.write(`mqtt: ${err.message}\n`));
client.on('close', () => process.stdout.write(`${JSON.stringify({ closed: true })}\n`));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
