// Pinned client ids as kept in workspace state (no `vscode` import; unit-tested): read
// defensively (the stored value may be from an older version or edited), one list per platform,
// in pin order, without duplicates, and only ids of the platform's form (others have no monitor
// topic to watch).

import { parseClientId } from '../../core/ids';
import { plainText } from '../../core/text';

/** A bound on what one window watches: past 500 exact topics the cover uses wildcards anyway. */
export const MAX_PINS = 5000;

/** The stored value as lists of valid ids per platform name; anything else is dropped. */
export function readPins(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const [platform, ids] of Object.entries(value as Record<string, unknown>)) {
    if (!Array.isArray(ids)) continue;
    const kept = [
      ...new Set(ids.filter((id): id is string => typeof id === 'string' && parseClientId(id) !== undefined)),
    ].slice(0, MAX_PINS);
    if (kept.length > 0) out[platform] = kept;
  }
  return out;
}

/** Why `text` cannot be pinned (undefined when it can): shown under the input box. */
export function pinProblem(text: string): string | undefined {
  const id = text.trim();
  if (id === '') return 'Enter a client id, e.g. d:org1x2:sensor:sensor-7 or a:org1x2:my-app.';
  if (parseClientId(id) === undefined) {
    return (
      `"${plainText(id, 60)}" is not a client id of the platform's form: d:{org}:{type}:{device}, ` +
      `g:{org}:{type}:{device}, a:{org}:{app} or A:{org}:{app}, with parts of letters, digits, ".", "_" and "-".`
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
