// Client ids of the platform's form in any text (no `vscode` import; unit-tested): `d:` and `g:`
// with an org, a type and a device id; `a:` with an org and an app id; `A:` with an org, an app id
// and an optional instance (platform-contract.md §1). The org is the contract's 6 letters or
// digits, which keeps `a:b:c` in ordinary prose from reading as an id. One pass of one regex whose
// every part is bounded: each position of the text costs a bounded amount, so the scan is linear.

/** A span of text that names a client, with the client id it names. */
export interface IdSpan {
  readonly start: number;
  readonly end: number;
  readonly clientId: string;
}

// Neither side may continue the id: no id character and no further `:` part.
const FORM =
  /(?<![A-Za-z0-9._:-])([dgaA]):[A-Za-z0-9]{6}:[A-Za-z0-9._-]{1,36}(:[A-Za-z0-9._-]{1,36})?(?![A-Za-z0-9._:-])/g;

/** Every platform-form id in `text`, in order. */
export function formIds(text: string): IdSpan[] {
  const out: IdSpan[] = [];
  FORM.lastIndex = 0;
  for (let m = FORM.exec(text); m !== null; m = FORM.exec(text)) {
    const fourParts = m[2] !== undefined;
    const kind = m[1];
    // Devices and gateways have four parts, applications three, scalable applications either.
    if ((kind === 'd' || kind === 'g') !== fourParts && kind !== 'A') continue;
    out.push({ start: m.index, end: m.index + m[0].length, clientId: m[0] });
  }
  return out;
}
