// The files and environment of a RabbitMQ node of a test's own (shared design
// brokers-in-tests.md): its own node name, ports and directories, no system configuration, the
// plugins the observed-RabbitMQ source needs, its log published on amq.rabbitmq.log, anonymous
// MQTT, and one administrator for the management API and AMQP.

import * as path from 'node:path';

export const PLUGINS = ['rabbitmq_event_exchange', 'rabbitmq_management', 'rabbitmq_mqtt'] as const;

export interface RabbitPorts {
  /** AMQP 0-9-1, also RABBITMQ_NODE_PORT. */
  amqp: number;
  management: number;
  mqtt: number;
  /** The Erlang distribution: always amqp + 20000. */
  dist: number;
}

export interface RabbitAdmin {
  user: string;
  password: string;
}

export interface RabbitNodeFiles {
  dir: string;
  nodeName: string;
  ports: RabbitPorts;
  admin: RabbitAdmin;
  extra?: readonly string[];
}

export const DIST_OFFSET = 20_000;

export function rabbitConf(f: RabbitNodeFiles): string {
  return [
    `listeners.tcp.default = 127.0.0.1:${f.ports.amqp}`,
    'management.tcp.ip = 127.0.0.1',
    `management.tcp.port = ${f.ports.management}`,
    `mqtt.listeners.tcp.default = 127.0.0.1:${f.ports.mqtt}`,
    'mqtt.allow_anonymous = true',
    `mqtt.default_user = ${f.admin.user}`,
    `mqtt.default_pass = ${f.admin.password}`,
    'log.exchange = true',
    `log.file = ${path.join(f.dir, 'log', 'rabbit.log')}`,
    'loopback_users = none',
    `default_user = ${f.admin.user}`,
    `default_pass = ${f.admin.password}`,
    'default_user_tags.administrator = true',
    ...(f.extra ?? []),
    '',
  ].join('\n');
}

export function enabledPlugins(): string {
  return `[${PLUGINS.join(',')}].\n`;
}

/** The environment rabbitmq-server and rabbitmqctl need for this node (and nothing of the system's). */
export function rabbitEnv(f: RabbitNodeFiles): Record<string, string> {
  return {
    RABBITMQ_NODENAME: f.nodeName,
    RABBITMQ_NODE_PORT: String(f.ports.amqp),
    RABBITMQ_DIST_PORT: String(f.ports.dist),
    RABBITMQ_CONFIG_FILE: path.join(f.dir, 'rabbit'),
    RABBITMQ_CONF_ENV_FILE: path.join(f.dir, 'rabbitmq-env.conf'),
    RABBITMQ_ADVANCED_CONFIG_FILE: path.join(f.dir, 'advanced.config'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(f.dir, 'plugins'),
    RABBITMQ_MNESIA_BASE: path.join(f.dir, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(f.dir, 'log'),
    RABBITMQ_PID_FILE: path.join(f.dir, 'pid'),
    // The distribution listens on loopback only.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
  };
}
