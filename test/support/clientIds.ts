// Client ids that brokers of today accept and the platform never did (platform-contract.md §7.2): topic wildcards
// and separators, percent signs, spaces, emoji, and lengths from MQTT 3.1's 23 bytes up to the 65,535 bytes an MQTT
// string can hold. Every reader and writer of ids must keep them as text, unchanged.

/** A string of exactly `bytes` UTF-8 bytes, made of `unit` (ASCII padding makes up the rest). */
export function idOfBytes(bytes: number, unit = 'é'): string {
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  const repeats = Math.floor(bytes / unitBytes);
  return unit.repeat(repeats) + 'x'.repeat(bytes - repeats * unitBytes);
}

export const ODD_CLIENT_IDS: readonly string[] = [
  'sensor/kitchen/1',
  'plus+and#hash',
  '100% sure',
  ' two  spaces ',
  'emoji 🚀 ünïcödé',
  '../../etc/passwd',
  'quote\' and ", ClientIP=1.2.3.4',
  'a'.repeat(23),
  'b'.repeat(24),
  idOfBytes(800, '🚀'),
];

/** The longest id MQTT can carry, in four-byte characters: 196,605 characters once percent-encoded. */
export const LONGEST_CLIENT_ID = idOfBytes(65535, '🚀');
