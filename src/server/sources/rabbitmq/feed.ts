// The observer's AMQP 0-9-1 connection (amqplib): a queue of its own, exclusive, bound to amq.rabbitmq.event
// (plugin rabbitmq_event_exchange: connection.created / connection.closed / user.authentication.failure) and to
// amq.rabbitmq.log (config log.exchange = true: every level). Both exchanges are cluster-wide. An exchange that is
// missing is reported, not fatal: the other still feeds what it can, and it is looked for again (a node just booted
// declares amq.rabbitmq.log a moment after it says it is running; a plugin may be enabled later).

import { connect, type ChannelModel, type ConsumeMessage } from 'amqplib';

export const EVENT_EXCHANGE = 'amq.rabbitmq.event';
export const LOG_EXCHANGE = 'amq.rabbitmq.log';

export interface FeedMessage {
  exchange: string;
  routingKey: string;
  headers: Record<string, unknown>;
  body: Buffer;
}

export interface Feed {
  /** The exchanges that do not exist on the broker. */
  readonly missing: readonly string[];
  /** Looks for the missing exchanges again and binds those found; resolves with those found. */
  recheck(): Promise<string[]>;
  /** Resolves when the connection has closed, with why. */
  readonly closed: Promise<string>;
  close(): Promise<void>;
}

/** The URL with a heartbeat, so that a broker that goes silent is noticed within seconds. */
function withHeartbeat(url: string): string {
  const u = new URL(url);
  if (!u.searchParams.has('heartbeat')) u.searchParams.set('heartbeat', '5');
  return u.toString();
}

async function exists(conn: ChannelModel, exchange: string): Promise<boolean> {
  const ch = await conn.createChannel();
  ch.on('error', () => {}); // a failed check closes the channel with 404; that is the answer
  try {
    await ch.checkExchange(exchange);
    await ch.close();
    return true;
  } catch {
    return false;
  }
}

/** Closes the connection; one whose peer no longer answers (a cut network) is dropped after a second. */
async function closeOrDrop(conn: ChannelModel, closed: Promise<string>): Promise<void> {
  const done = await Promise.race([
    conn.close().then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1000)),
  ]);
  if (!done) {
    (conn as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
  }
}

export async function openFeed(
  url: string,
  ca: Buffer | undefined,
  onMessage: (m: FeedMessage) => void,
): Promise<Feed> {
  const conn = await connect(withHeartbeat(url), ca ? { ca: [ca] } : {});
  let why = 'the AMQP connection closed';
  conn.on('error', (err: Error) => (why = `the AMQP connection failed: ${err.message}`));
  // A close the broker asked for (an administrator, a node stopping) comes with its reason, and no 'error'.
  const closed = new Promise<string>((resolve) =>
    conn.once('close', (err?: Error) =>
      resolve(err instanceof Error ? `the AMQP connection closed: ${err.message}` : why),
    ),
  );
  try {
    const missing: string[] = [];
    for (const exchange of [EVENT_EXCHANGE, LOG_EXCHANGE]) if (!(await exists(conn, exchange))) missing.push(exchange);
    const ch = await conn.createChannel();
    ch.on('error', (err: Error) => (why = `the AMQP channel failed: ${err.message}`));
    // A channel closed or a consumer cancelled by the broker (its queue deleted, say) leaves the connection open but
    // deaf: it is closed then, so that the source connects again.
    let closing = false;
    const deaf = (what: string) => {
      if (closing) return;
      closing = true;
      if (why === 'the AMQP connection closed') why = what;
      conn.close().catch(() => undefined);
    };
    ch.on('close', () => deaf('the AMQP channel closed'));
    const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
    const bind = async (exchange: string) => {
      const keys = exchange === EVENT_EXCHANGE ? ['connection.#', 'user.authentication.failure'] : ['#'];
      for (const key of keys) await ch.bindQueue(queue, exchange, key);
    };
    for (const exchange of [EVENT_EXCHANGE, LOG_EXCHANGE]) if (!missing.includes(exchange)) await bind(exchange);
    await ch.consume(
      queue,
      (msg: ConsumeMessage | null) => {
        if (msg === null) return deaf("RabbitMQ cancelled the server's consumer (its queue was deleted?)");
        onMessage({
          exchange: msg.fields.exchange,
          routingKey: msg.fields.routingKey,
          headers: (msg.properties.headers ?? {}) as Record<string, unknown>,
          body: msg.content,
        });
      },
      { noAck: true },
    );
    return {
      missing,
      async recheck() {
        const found: string[] = [];
        for (const exchange of [...missing]) {
          if (!(await exists(conn, exchange))) continue;
          await bind(exchange);
          missing.splice(missing.indexOf(exchange), 1);
          found.push(exchange);
        }
        return found;
      },
      closed,
      close: () => {
        closing = true;
        return closeOrDrop(conn, closed);
      },
    };
  } catch (err) {
    await conn.close().catch(() => undefined);
    throw err;
  }
}
