// Subscribing with a result per topic: one SUBSCRIBE for many topics, and the SUBACK's return
// code read for each (0x80 = refused), so that one refused topic does not hide the others.

import type { MqttClient } from 'mqtt';
import type { SubscriptionResult } from './types';

const REFUSED = 0x80;

export interface SubscribeOutcome {
  readonly results: readonly SubscriptionResult[];
  /** True when the broker answered (a refusal is an answer); false when the connection failed first. */
  readonly answered: boolean;
}

export function subscribeEach(client: MqttClient, topics: readonly string[]): Promise<SubscribeOutcome> {
  return new Promise((resolve) => {
    client.subscribe([...topics], { qos: 0 }, (error, _grants, packet) => {
      const codes = packet?.granted;
      if (!Array.isArray(codes) || codes.length !== topics.length) {
        const reason = error?.message ?? 'no SUBACK';
        resolve({ answered: false, results: topics.map((topic) => ({ topic, granted: false, reason })) });
        return;
      }
      resolve({
        answered: true,
        results: topics.map((topic, i) => {
          const code = typeof codes[i] === 'number' ? (codes[i] as number) : REFUSED;
          return code >= REFUSED
            ? { topic, granted: false, reason: `refused by the broker (SUBACK 0x${code.toString(16)})` }
            : { topic, granted: true };
        }),
      });
    });
  });
}

/** MQTT topic-filter matching (`+` one level, `#` the rest). */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length || (f[i] !== '+' && f[i] !== t[i])) return false;
  }
  return f.length === t.length;
}
