// Pinned client ids as kept in workspace state (no `vscode` import; unit-tested): read
// defensively (the stored value may be from an older version or edited), one list per platform,
// in pin order, without duplicates, and only ids that have a monitor topic to watch: any id of the
// platform's form, and any other id an observed broker accepts (platform-contract.md §7.2) but those
// too long for an MQTT topic once encoded.

import * as l10n from '@vscode/l10n';
import { MAX_TOPIC_BYTES, watchTopicOf } from '../../core/ids';
import { formatCount } from '../../core/l10n';

/** A bound on what one window watches: past 500 exact topics the cover uses wildcards anyway. */
export const MAX_PINS = 5000;

/** The stored value as lists of valid ids per platform name; anything else is dropped. */
export function readPins(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [platform, ids] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(ids)) continue;
    const kept = [
      ...new Set(ids.filter((id): id is string => typeof id === 'string' && watchTopicOf(id) !== undefined)),
    ].slice(0, MAX_PINS);
    if (kept.length > 0) out[platform] = kept;
  }
  return out;
}

/** Why `text` (typed: its ends trimmed) cannot be pinned, or undefined when it can: shown under the input box. */
export function pinProblem(text: string): string | undefined {
  const id = text.trim();
  if (id === '') {
    return l10n.t('Enter a client id, e.g. d:org1x2:sensor:sensor-7, a:org1x2:my-app or kitchen/sensor-7.');
  }
  if (watchTopicOf(id) === undefined) {
    return l10n.t(
      "This client id ({0} characters) cannot be watched: its monitor topic would pass MQTT's {1} bytes, or it " +
        'is not valid text.',
      formatCount(id.length),
      formatCount(MAX_TOPIC_BYTES),
    );
  }
  return undefined;
}

export function withPin(list: readonly string[], clientId: string): string[] {
  return list.includes(clientId) ? [...list] : [...list, clientId].slice(0, MAX_PINS);
}

export function withoutPin(list: readonly string[], clientId: string): string[] {
  return list.filter((id) => id !== clientId);
}
