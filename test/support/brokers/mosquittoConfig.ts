// The mosquitto.conf of a test broker (docs/brokers-observed.md; shared design
// brokers-in-tests.md): its log published on $SYS/broker/log/# (unless a test needs a broker that
// does not), every log type, connection messages, $SYS counts every second, no persistence.

export interface MosquittoConfigInput {
  port: number;
  /** `log_dest topic`: publish every log line on $SYS/broker/log/<level>. */
  logTopic: boolean;
  passwordFile?: string;
  aclFile?: string;
  tls?: { port: number; caFile: string; certFile: string; keyFile: string };
  messageSizeLimit?: number;
  extra?: readonly string[];
}

export function mosquittoConfig(c: MosquittoConfigInput): string {
  const lines = [
    `allow_anonymous ${c.passwordFile === undefined ? 'true' : 'false'}`,
    ...(c.passwordFile === undefined ? [] : [`password_file ${c.passwordFile}`]),
    ...(c.aclFile === undefined ? [] : [`acl_file ${c.aclFile}`]),
    ...(c.logTopic ? ['log_dest topic'] : []),
    'log_dest stderr',
    'log_type all',
    'connection_messages true',
    'log_timestamp true',
    'sys_interval 1',
    'persistence false',
    ...(c.messageSizeLimit === undefined ? [] : [`message_size_limit ${c.messageSizeLimit}`]),
    ...(c.extra ?? []),
    `listener ${c.port} 127.0.0.1`,
  ];
  if (c.tls) {
    lines.push(
      `listener ${c.tls.port} 127.0.0.1`,
      `cafile ${c.tls.caFile}`,
      `certfile ${c.tls.certFile}`,
      `keyfile ${c.tls.keyFile}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** An ACL that lets `denied` users use every topic except $SYS ones, and the other users every topic. */
export function aclDenyingSys(users: readonly string[], denied: readonly string[]): string {
  return users
    .map((u) => `user ${u}\ntopic readwrite #\n${denied.includes(u) ? '' : 'topic readwrite $SYS/#\n'}`)
    .join('\n');
}
