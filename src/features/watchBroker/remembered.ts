// The brokers watched before, as kept in global state (no `vscode` import; unit-tested): what
// "Watch a Broker…" offers first, newest first. Only what may be kept outside secret storage is
// here (URLs without credentials, user names, CA files); the value is read defensively, since an
// older version or a hand may have written it.

import { normalUrl, targetKey, urlProblem, type BrokerTarget, type UrlField } from './target';

export const MAX_REMEMBERED = 10;

const MAX_TEXT = 1000;

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' && v.length <= MAX_TEXT ? v : undefined;
}

function url(field: UrlField, v: unknown): string | undefined {
  const t = text(v);
  return t !== undefined && urlProblem(field, t) === undefined ? normalUrl(t) : undefined;
}

export function readTarget(value: unknown): BrokerTarget | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const r = value as Record<string, unknown>;
  const user = text(r.user);
  const caFile = text(r.caFile);
  const extra = { ...(caFile !== undefined ? { caFile } : {}) };
  if (r.kind === 'mosquitto') {
    const u = url('mosquitto', r.url);
    return u === undefined
      ? undefined
      : { kind: 'mosquitto', url: u, ...(user !== undefined ? { user } : {}), ...extra };
  }
  if (r.kind === 'rabbitmq') {
    const managementUrl = url('management', r.managementUrl);
    const amqpUrl = url('amqp', r.amqpUrl);
    if (managementUrl === undefined || amqpUrl === undefined || user === undefined) return undefined;
    return { kind: 'rabbitmq', managementUrl, amqpUrl, user, ...extra };
  }
  return undefined;
}

export function readRemembered(value: unknown): BrokerTarget[] {
  const out: BrokerTarget[] = [];
  const keys = new Set<string>();
  for (const item of Array.isArray(value) ? value : []) {
    const target = readTarget(item);
    if (!target || keys.has(targetKey(target))) continue;
    keys.add(targetKey(target));
    out.push(target);
    if (out.length === MAX_REMEMBERED) break;
  }
  return out;
}

/** The list with `target` first (once). */
export function remember(list: readonly BrokerTarget[], target: BrokerTarget): BrokerTarget[] {
  const key = targetKey(target);
  return [target, ...list.filter((t) => targetKey(t) !== key)].slice(0, MAX_REMEMBERED);
}
