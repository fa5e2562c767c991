// The server's monitor messages (platform-contract.md §4, §7.2), QoS 0, on its own MQTT listener: every client of the
// platform's id form on its usual topic, any other id on `iot-2/client/{encodeURIComponent(id)}/mon`. aedes delivers
// a retained message live with the retain flag clear and to later subscribers with it set, as MQTT 3.1.1 says.

import type { Aedes } from 'aedes';
import { monitorTopicOfId, parseClientId } from '../../core/ids';
import type { MonitorMessage } from '../../core/monitor';
import type { Logger } from '../log';

/** The part of aedes' persistence used here (aedes-persistence's documented interface). */
interface RetainedStore {
  storeRetained(packet: {
    cmd: 'publish';
    topic: string;
    payload: Buffer;
    qos: 0;
    retain: true;
    dup: false;
  }): Promise<void>;
}

/** MQTT caps a topic at 65,535 bytes; an id that long cannot have a monitor topic once percent-encoded. */
const MAX_TOPIC_BYTES = 65535;

/** Applications' Disconnect clears their retained Connect; everyone else's (devices, other ids) is retained. */
function isApplication(clientId: string): boolean {
  const kind = parseClientId(clientId)?.kind;
  return kind === 'application' || kind === 'scalableApplication';
}

export class MonitorPublisher {
  /** Set on shutdown: the retained store ends with the broker, and nobody is left to tell. */
  stopped = false;
  private readonly tooLong = new Set<string>();

  constructor(
    private readonly broker: Aedes,
    private readonly log: Logger,
  ) {}

  /** `Connect`: retained. */
  connected(clientId: string, message: MonitorMessage): void {
    this.publish(clientId, message, 'retain');
  }

  /** `FailedConnect`: not retained. */
  failed(clientId: string, message: MonitorMessage): void {
    this.publish(clientId, message, 'live');
  }

  /** `Disconnect`: retained, but an application's is not, and it clears the retained Connect. */
  disconnected(clientId: string, message: MonitorMessage): void {
    this.publish(clientId, message, isApplication(clientId) ? 'clear' : 'retain');
  }

  /**
   * Puts a message back into the retained store without telling anyone (nobody is subscribed yet): what an observing
   * server had published before it started again, so that a new subscriber gets every client's state at once (§4.1).
   */
  restore(clientId: string, message: MonitorMessage): void {
    const topic = monitorTopicOfId(clientId);
    if (this.stopped || Buffer.byteLength(topic, 'utf8') > MAX_TOPIC_BYTES) return;
    const payload = Buffer.from(JSON.stringify(message), 'utf8');
    this.retainedStore()
      .storeRetained({ cmd: 'publish', topic, payload, qos: 0, retain: true, dup: false })
      .catch((err: unknown) => this.log.error(`could not restore the retained message on ${topic}: ${String(err)}`));
  }

  private publish(clientId: string, message: MonitorMessage, retained: 'retain' | 'live' | 'clear'): void {
    if (this.stopped) return;
    const topic = monitorTopicOfId(clientId);
    if (Buffer.byteLength(topic, 'utf8') > MAX_TOPIC_BYTES) return this.noTopic(clientId, topic);
    const payload = Buffer.from(JSON.stringify(message), 'utf8');
    if (retained === 'clear') {
      // An empty payload deletes the retained message (MQTT-3.3.1-10); stored directly, so no
      // subscriber receives an empty message.
      this.retainedStore()
        .storeRetained({ cmd: 'publish', topic, payload: Buffer.alloc(0), qos: 0, retain: true, dup: false })
        .catch((err: unknown) => this.log.error(`could not clear the retained message on ${topic}: ${String(err)}`));
    }
    this.broker.publish(
      { cmd: 'publish', topic, payload, qos: 0, retain: retained === 'retain', dup: false },
      (err) => {
        if (err) this.log.error(`could not publish on ${topic}: ${err.message}`);
      },
    );
  }

  private noTopic(clientId: string, topic: string): void {
    if (this.tooLong.has(clientId)) return;
    if (this.tooLong.size >= 100) this.tooLong.clear(); // said once per id, within bounded memory
    this.tooLong.add(clientId);
    this.log.warn(
      `a client id of ${Buffer.byteLength(clientId, 'utf8')} bytes has no monitor topic (${Buffer.byteLength(topic)} ` +
        `bytes once encoded; MQTT allows ${MAX_TOPIC_BYTES}); its state and log are kept, no monitor message is sent`,
    );
  }

  private retainedStore(): RetainedStore {
    // aedes keeps its persistence on the instance; its type declarations do not expose it.
    return (this.broker as unknown as { persistence: RetainedStore }).persistence;
  }
}
