// A device id written next to its type, as device code and SDK configuration hold them (no
// `vscode` import; unit-tested): `typeId: "sensor"` and `deviceId: "sensor-7"` (JS objects, YAML,
// JSON), `type_id=`/`device_id=` (Python), `WIOTP_IDENTITY_TYPEID=` (.env), with the org from an
// `orgId` nearby or else the active platform's. The id is `d:{org}:{type}:{device}`, and its span is
// the device id's value. Linear: one regex pass for the keys, then each device id looks at a
// bounded number of neighbours.
import type { IdSpan } from './formIds';

type Role = 'org' | 'type' | 'device';

interface Assignment {
  readonly role: Role;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

const KEY = /(org|type|device)[_-]?(id|type)(?![A-Za-z0-9])/gi;
// After the key: its closing quote, an assignment, then one id part, quoted or bare, on that line.
const VALUE =
  /["'`]?[ \t]{0,8}(?::=|=>|[:=])[ \t]{0,8}(?:"([A-Za-z0-9._-]{1,36})"|'([A-Za-z0-9._-]{1,36})'|([A-Za-z0-9._-]{1,36})(?![A-Za-z0-9._:-]))/y;
const ORG = /^[A-Za-z0-9]{6}$/;
/** How many lines apart a device id and its type (or org) may be. */
const TYPE_LINES = 5;
const ORG_LINES = 8;
/** How many assignments either side a device id looks at. */
const NEIGHBOURS = 12;

function roleOf(subject: string, what: string): Role | undefined {
  const s = subject.toLowerCase();
  const w = what.toLowerCase();
  if (s === 'org' && w === 'id') return 'org';
  if ((s === 'type' && w === 'id') || (s === 'device' && w === 'type')) return 'type';
  if (s === 'device' && w === 'id') return 'device';
  return undefined;
}

function assignments(text: string): Assignment[] {
  const out: Assignment[] = [];
  let line = 0;
  let counted = 0;
  KEY.lastIndex = 0;
  for (let m = KEY.exec(text); m !== null; m = KEY.exec(text)) {
    const role = roleOf(m[1], m[2]);
    if (!role) continue;
    VALUE.lastIndex = m.index + m[0].length;
    const v = VALUE.exec(text);
    if (!v) continue;
    const value = v[1] ?? v[2] ?? v[3];
    const quoted = v[3] === undefined ? 1 : 0;
    const end = VALUE.lastIndex - quoted;
    for (let i = counted; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    counted = m.index;
    out.push({ role, line, start: end - value.length, end, value });
    KEY.lastIndex = VALUE.lastIndex;
  }
  return out;
}

function nearest(list: readonly Assignment[], i: number, role: Role, lines: number): Assignment | undefined {
  let best: Assignment | undefined;
  const from = Math.max(0, i - NEIGHBOURS);
  const to = Math.min(list.length - 1, i + NEIGHBOURS);
  for (let j = from; j <= to; j++) {
    const a = list[j];
    if (a.role !== role || Math.abs(a.line - list[i].line) > lines) continue;
    if (!best || Math.abs(a.line - list[i].line) < Math.abs(best.line - list[i].line)) best = a;
  }
  return best;
}

/** Device ids next to their type, in order. `orgId`: the active platform's, when no org is written. */
export function pairedIds(text: string, orgId?: string): IdSpan[] {
  const list = assignments(text);
  const out: IdSpan[] = [];
  for (let i = 0; i < list.length; i++) {
    const device = list[i];
    if (device.role !== 'device') continue;
    const type = nearest(list, i, 'type', TYPE_LINES);
    const org = nearest(list, i, 'org', ORG_LINES)?.value ?? orgId;
    if (!type || org === undefined || !ORG.test(org)) continue;
    out.push({ start: device.start, end: device.end, clientId: `d:${org}:${type.value}:${device.value}` });
  }
  return out;
}
