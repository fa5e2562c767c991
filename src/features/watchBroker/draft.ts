// What "Watch a Broker…" has been told so far (no `vscode` import; unit-tested): which questions
// remain, in order, and the broker they make. Mosquitto: its MQTT URL, a user (none: anonymous)
// and that user's password; RabbitMQ: its management API and AMQP URLs, a user and a password
// (the management user needs the `monitoring` tag, or `administrator` for closing clients).
// A CA file is asked for when a URL uses TLS.

import { normalUrl, urlProblem, usesTls, type BrokerKind, type BrokerTarget } from './target';

export interface WatchDraft {
  kind?: BrokerKind;
  url?: string;
  managementUrl?: string;
  amqpUrl?: string;
  user?: string;
  password?: string;
  caFile?: string;
}

export type WatchStep = 'kind' | 'url' | 'managementUrl' | 'amqpUrl' | 'user' | 'password' | 'ca';

/** The questions for this draft, in order; they change as answers come (TLS adds the CA file). */
export function watchSteps(d: WatchDraft): WatchStep[] {
  const target = targetOf(d);
  const tls = target !== undefined && usesTls(target);
  const ca: WatchStep[] = tls ? ['ca'] : [];
  if (d.kind === 'rabbitmq') return ['kind', 'managementUrl', 'amqpUrl', 'user', 'password', ...ca];
  return ['kind', 'url', 'user', ...(d.user ? (['password'] as WatchStep[]) : []), ...ca];
}

/** The broker of a complete draft; undefined while something is missing or wrong. */
export function targetOf(d: WatchDraft): BrokerTarget | undefined {
  const caFile = d.caFile ? { caFile: d.caFile } : {};
  if (d.kind === 'mosquitto') {
    if (d.url === undefined || urlProblem('mosquitto', d.url) !== undefined) return undefined;
    return { kind: 'mosquitto', url: normalUrl(d.url), ...(d.user ? { user: d.user } : {}), ...caFile };
  }
  if (d.kind === 'rabbitmq') {
    const { managementUrl, amqpUrl, user } = d;
    if (managementUrl === undefined || urlProblem('management', managementUrl) !== undefined) return undefined;
    if (amqpUrl === undefined || urlProblem('amqp', amqpUrl) !== undefined || !user) return undefined;
    return { kind: 'rabbitmq', managementUrl: normalUrl(managementUrl), amqpUrl: normalUrl(amqpUrl), user, ...caFile };
  }
  return undefined;
}
