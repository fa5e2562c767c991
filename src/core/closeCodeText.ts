// Reading a close's reason text from the platform, whose wording varies (platform-contract.md §3,
// §4.3: "Reason strings vary; parse the number"): the number it carries, or the close code whose
// meaning it states.

import { CLOSE_CODES, closeCodeInfo, type CloseCodeInfo } from './closeCodes';

/** Words that identify a reason sentence when its wording drifted from the table's. */
const reasonKeywords: readonly [RegExp, number][] = [
  [/client id (?:was )?reused|clientid (?:was )?reused/, 288],
  [/timed out/, 160],
  [/no data received/, 164],
  [/not authori[sz]ed/, 180],
  [/too large/, 287],
  [/server (?:was )?shut ?down/, 93],
  [/by an? administrator/, 94],
  [/capacity/, 104],
  [/too many subscriptions/, 154],
  [/too many connections/, 173],
  [/too many authori[sz]ation/, 176],
  [/certificate is missing/, 169],
  [/certificate is not valid/, 170],
  [/clientid is not valid|client id is not valid/, 166],
  [/topic is not valid/, 276],
  [/data from the client is not valid/, 105],
];

/** The number a reason text carries: `… (5)`, `… (code 160)`, `rc=91`; undefined when none. */
export function closeCodeInText(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const tail = text.length > 200 ? text.slice(-200) : text;
  const m = /(?:\(\s*(?:code\s*)?(\d{1,6})\s*\)|\b(?:code|rc)\s*[=:]?\s*(\d{1,6}))\s*\.?\s*$/i.exec(tail);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/**
 * The close code whose meaning a reason text states: the table's sentence exactly, a sentence it
 * begins with (the 2020 form "…closed by the client or network (5)" begins with 91's), or a
 * telling phrase. Undefined when the text says nothing known.
 */
export function closeCodeInfoForText(text: string): CloseCodeInfo | undefined {
  if (typeof text !== 'string') return undefined;
  const wanted = text
    .slice(0, 300)
    .replace(/\(\s*[^)]*\)\s*\.?\s*$/, '')
    .trim()
    .replace(/\.+$/, '')
    .toLowerCase();
  if (wanted.length === 0) return undefined;
  let best: CloseCodeInfo | undefined;
  for (const info of CLOSE_CODES) {
    const reason = info.reason.toLowerCase();
    if (wanted === reason) return info;
    if (wanted.startsWith(reason) && (best === undefined || reason.length > best.reason.length)) best = info;
  }
  if (best) return best;
  const hit = reasonKeywords.find(([re]) => re.test(wanted));
  return hit ? closeCodeInfo(hit[1]) : undefined;
}
