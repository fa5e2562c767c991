// Which monitor topics to subscribe to for a set of pinned clients (platform-contract.md §4, §5).
// One exact topic per client while their number stays under a threshold; past it, the types
// (and the applications, and the ids of other forms) with the most pinned clients share a wildcard,
// greedily by the subscriptions saved; past that, one wildcard for all devices, one for all
// applications and one for all other ids (platform-contract.md §7.2).
// Wildcards deliver unpinned clients too: `accepts` tells which incoming topics are wanted.
// Deterministic: the same pins give the same plan, whatever their order.

import { APP_SUBSCRIPTION_QUOTA } from './limits';
import { isDeviceLike, parseClientId, watchTopicOf } from './ids';

export const ALL_DEVICES_MONITOR_TOPIC = 'iot-2/type/+/id/+/mon';
export const ALL_APPS_MONITOR_TOPIC = 'iot-2/app/+/mon';
/** Every client whose id is not of the platform's form (platform-contract.md §7.2). */
export const ALL_CLIENTS_MONITOR_TOPIC = 'iot-2/client/+/mon';
const SHARED_WILDCARDS = [ALL_APPS_MONITOR_TOPIC, ALL_CLIENTS_MONITOR_TOPIC];
export const DEFAULT_COVER_THRESHOLD = 100;

export interface CoverOptions {
  /** Subscriptions allowed on the connection (500 per application). */
  readonly quota?: number;
  /** Most exact topics before wildcards are used (never above the quota). */
  readonly threshold?: number;
}

export interface CoverPlan {
  /** Topics to be subscribed to, sorted. */
  readonly topics: readonly string[];
  readonly strategy: 'exact' | 'byType' | 'all';
  /** Pinned ids with no monitor topic (not text, empty, or too long for an MQTT topic once encoded). */
  readonly rejected: readonly string[];
  /** Whether a message arriving on `topic` is about a pinned client. */
  readonly accepts: (topic: string) => boolean;
}

export interface CoverDiff {
  /** Subscribe these first, then unsubscribe the others, so nothing is missed in between. */
  readonly subscribe: readonly string[];
  readonly unsubscribe: readonly string[];
}

export function planCover(pinned: Iterable<string>, options: CoverOptions = {}): CoverPlan {
  const quota = Math.max(2, options.quota ?? APP_SUBSCRIPTION_QUOTA);
  const threshold = Math.max(1, Math.min(options.threshold ?? DEFAULT_COVER_THRESHOLD, quota));
  const wanted = new Set<string>();
  const rejected: string[] = [];
  // Groups that one wildcard can cover: each device type, and all applications.
  const groups = new Map<string, Set<string>>();
  for (const raw of pinned) {
    const topic = typeof raw === 'string' ? watchTopicOf(raw) : undefined;
    if (topic === undefined) {
      rejected.push(String(raw));
      continue;
    }
    wanted.add(topic);
    const id = parseClientId(raw);
    const group =
      id === undefined
        ? ALL_CLIENTS_MONITOR_TOPIC
        : isDeviceLike(id)
          ? `iot-2/type/${id.typeId}/id/+/mon`
          : ALL_APPS_MONITOR_TOPIC;
    (groups.get(group) ?? (groups.set(group, new Set()).get(group) as Set<string>)).add(topic);
  }
  const accepts = (topic: string): boolean => wanted.has(topic);
  const done = (topics: Iterable<string>, strategy: CoverPlan['strategy']): CoverPlan => ({
    topics: [...topics].sort(),
    strategy,
    rejected: rejected.sort(),
    accepts,
  });
  if (wanted.size <= threshold) return done(wanted, 'exact');

  const topics = new Set(wanted);
  const bySaving = [...groups]
    .filter(([, members]) => members.size > 1)
    .sort(([a, x], [b, y]) => y.size - x.size || (a < b ? -1 : 1));
  for (const [wildcard, members] of bySaving) {
    if (topics.size <= threshold) break;
    for (const m of members) topics.delete(m);
    topics.add(wildcard);
  }
  if (topics.size <= threshold) return done(topics, 'byType');

  const shared = SHARED_WILDCARDS.flatMap((wildcard) => {
    const members = groups.get(wildcard);
    return members === undefined ? [] : members.size > 1 ? [wildcard] : [...members];
  });
  const hasDevices = [...groups.keys()].some((g) => !SHARED_WILDCARDS.includes(g));
  return done([...(hasDevices ? [ALL_DEVICES_MONITOR_TOPIC] : []), ...shared], 'all');
}

export function diffCover(previous: Pick<CoverPlan, 'topics'> | undefined, next: Pick<CoverPlan, 'topics'>): CoverDiff {
  const before = new Set(previous?.topics ?? []);
  const after = new Set(next.topics);
  return {
    subscribe: next.topics.filter((t) => !before.has(t)),
    unsubscribe: [...before].filter((t) => !after.has(t)).sort(),
  };
}
