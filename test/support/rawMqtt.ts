// A bare TCP connection that speaks MQTT packet by packet (mqtt-packet): for what mqtt.js will
// not do on purpose — stay silent past the keep-alive, send garbage, send a second CONNECT.

import { generate, parser, type Packet } from 'mqtt-packet';
import * as net from 'node:net';
import { DEFAULT_WAIT_MS, nextEvent } from './waitFor';

export class RawMqtt {
  readonly packets: Packet[] = [];
  readonly closed: Promise<void>;

  private constructor(readonly socket: net.Socket) {
    const p = parser({ protocolVersion: 4 });
    p.on('packet', (packet) => this.packets.push(packet));
    p.on('error', () => socket.destroy());
    socket.on('data', (data) => p.parse(data));
    socket.on('error', () => {}); // a reset by the broker is what some tests expect
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  static async open(port: number, host = '127.0.0.1'): Promise<RawMqtt> {
    const socket = net.connect(port, host);
    await nextEvent(socket, 'connect');
    return new RawMqtt(socket);
  }

  send(packet: Packet): void {
    this.socket.write(generate(packet));
  }

  sendBytes(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** CONNECT with MQTT 3.1.1 defaults. */
  connect(o: { clientId: string; username?: string; password?: string; keepalive?: number }): void {
    this.send({
      cmd: 'connect',
      protocolId: 'MQTT',
      protocolVersion: 4,
      clean: true,
      keepalive: o.keepalive ?? 60,
      clientId: o.clientId,
      username: o.username,
      password: o.password === undefined ? undefined : Buffer.from(o.password),
    });
  }

  /** The first packet of a kind, received already or still to come. */
  async next(cmd: Packet['cmd'], timeoutMs = DEFAULT_WAIT_MS): Promise<Packet> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.packets.find((p) => p.cmd === cmd);
      if (found) return found;
      if (this.socket.destroyed || Date.now() > deadline) throw new Error(`no ${cmd} packet arrived`);
      await Promise.race([
        nextEvent(this.socket, 'data', Math.max(1, deadline - Date.now())).catch(() => undefined),
        this.closed,
      ]);
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}
