// The platform's own monitor messages (platform-contract.md §4), QoS 0. aedes delivers a retained message live
// with the retain flag clear and to later subscribers with it set, as MQTT 3.1.1 says.

import type { Aedes } from 'aedes';
import { isDeviceLike, monitorTopicFor, type ParsedClientId } from '../../core/ids';
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

export class MonitorPublisher {
  /** Set on shutdown: the retained store ends with the broker, and nobody is left to tell. */
  stopped = false;

  constructor(
    private readonly broker: Aedes,
    private readonly log: Logger,
  ) {}

  /** `Connect`: retained. */
  connected(id: ParsedClientId, message: MonitorMessage): void {
    this.publish(monitorTopicFor(id), message, 'retain');
  }

  /** `FailedConnect`: not retained. */
  failed(id: ParsedClientId, message: MonitorMessage): void {
    this.publish(monitorTopicFor(id), message, 'live');
  }

  /** Device `Disconnect` retained; application `Disconnect` not, and it clears the retained Connect. */
  disconnected(id: ParsedClientId, message: MonitorMessage): void {
    this.publish(monitorTopicFor(id), message, isDeviceLike(id) ? 'retain' : 'clear');
  }

  private publish(topic: string, message: MonitorMessage, retained: 'retain' | 'live' | 'clear'): void {
    if (this.stopped) return;
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

  private retainedStore(): RetainedStore {
    // aedes keeps its persistence on the instance; its type declarations do not expose it.
    return (this.broker as unknown as { persistence: RetainedStore }).persistence;
  }
}
