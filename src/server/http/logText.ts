// Text from the network in a log line: made plain by core's rule (no control or bidirectional
// characters, bounded length, so a hostile id cannot forge or reorder a line), then quoted.

import { plainText } from '../../core/text';

export function forLog(text: string, max = 200): string {
  return JSON.stringify(plainText(text, max));
}
