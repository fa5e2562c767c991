// The plain form of a RabbitMQ 3.10 log line on amq.rabbitmq.log (config `log.exchange = true`):
// routing key = level, header `node`, body "{time} [{level}] {pid} {message}\n". A message of
// several lines repeats "{time} [{level}] {pid} " before each: it is taken off again here.

export interface RabbitLogHead {
  /** The level (the routing key): debug, info, notice, warning, error, critical, … */
  level: string;
  /** The node that logged it (header `node`). */
  node?: string;
  /** The time text of the line, as the node wrote it. */
  time?: string;
  /** The Erlang process that logged it, `<0.id.serial>`. */
  pid?: string;
  /** The message, its lines joined by "\n", without the repeated heads and the final newline. */
  message: string;
}

const HEAD =
  /^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?) \[([a-z]{1,10})\] (<\d{1,10}\.\d{1,10}\.\d{1,10}>) /;

export function readLogHead(routingKey: string, node: unknown, body: string): RabbitLogHead {
  const text = body.endsWith('\n') ? body.slice(0, -1) : body;
  const m = HEAD.exec(text.slice(0, 120));
  const base = { level: routingKey, ...(typeof node === 'string' ? { node } : {}) };
  if (!m) return { ...base, message: text };
  const prefix = m[0];
  const lines = text
    .split('\n')
    .map((line, i) => (i === 0 || line.startsWith(prefix) ? line.slice(prefix.length) : line));
  return { ...base, time: m[1], pid: m[3], message: lines.join('\n') };
}
