// The timeline's events in columns, for postMessage: one typed array per field and one table of
// texts, each text once, instead of an object per event. 50,000 objects cost the webview more
// to receive (every object and string cloned one by one, then collected) than to draw; typed
// arrays travel as binary buffers (VS Code moves them so since 1.57) and the texts they share
// (explanations, hints, addresses, ids) are sent once. Plain data, no DOM, no Node.

import { EVENT_KINDS, type ConnectivityEvent } from '../core/events/types';

type FieldOf<E> = E extends unknown ? keyof E : never;
/** Every field of every kind of event. */
export type EventField = FieldOf<ConnectivityEvent>;

/**
 * text: index into `texts` (0: absent), each text there once; unique: the same, for texts that
 * rarely repeat (not looked up, just added); number: NaN absent; flag: -1 absent, 0, 1; list: a
 * text of the JSON array.
 */
type ColumnType = 'text' | 'unique' | 'number' | 'flag' | 'list';

/** How each field travels. A field added to the events and not here is a compile error. */
const FIELDS = {
  kind: 'text',
  key: 'unique',
  source: 'text',
  time: 'number',
  timeIssue: 'text',
  rawTime: 'unique',
  clientId: 'text',
  clientAddr: 'text',
  clientPort: 'number',
  keepAliveSeconds: 'number',
  node: 'text',
  alsoSeenIn: 'list',
  auth: 'text',
  protocol: 'text',
  port: 'number',
  secure: 'flag',
  closeCode: 'number',
  initiator: 'text',
  mqttReasonCode: 'number',
  reason: 'text',
  explanation: 'text',
  hint: 'text',
  cause: 'text',
  connectTime: 'number',
  raw: 'unique',
} as const satisfies Record<EventField, ColumnType>;

const FIELD_LIST = Object.entries(FIELDS) as [EventField, ColumnType][];
export const EVENT_FIELDS: readonly EventField[] = FIELD_LIST.map(([field]) => field);

export type Column = Uint32Array | Float64Array | Int8Array;

export interface EventColumns {
  readonly count: number;
  /** Texts the columns point into; index 0 stands for "absent". */
  readonly texts: readonly string[];
  readonly columns: Readonly<Partial<Record<EventField, Column>>>;
}

/** At most this many events in one message (the Logs API reaches 1,020; live ones add to it). */
export const MAX_COLUMN_EVENTS = 5_000_000;

export function encodeEvents(events: readonly ConnectivityEvent[]): EventColumns {
  const count = events.length;
  const texts: string[] = [''];
  const index = new Map<string, number>();
  const textIndex = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = texts.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  // A column is made when its field first appears: fields no event has cost nothing to send.
  const columns: Partial<Record<EventField, Column>> = {};
  const columnOf = (field: EventField): Column =>
    (columns[field] ??=
      FIELDS[field] === 'number'
        ? new Float64Array(count).fill(Number.NaN)
        : FIELDS[field] === 'flag'
          ? new Int8Array(count).fill(-1)
          : new Uint32Array(count));
  for (let i = 0; i < count; i++) {
    const e = events[i] as unknown as Readonly<Record<string, unknown>>;
    // One pass over the fields each event has (for…in on plain objects of few shapes is fast).
    for (const name in e) {
      const value = e[name];
      if (value === undefined || !Object.hasOwn(FIELDS, name)) continue;
      const field = name as EventField;
      const type = FIELDS[field];
      if (type === 'number' && typeof value === 'number') (columnOf(field) as Float64Array)[i] = value;
      else if (type === 'flag' && typeof value === 'boolean') (columnOf(field) as Int8Array)[i] = value ? 1 : 0;
      else if (type === 'text' && typeof value === 'string') (columnOf(field) as Uint32Array)[i] = textIndex(value);
      else if (type === 'unique' && typeof value === 'string') {
        (columnOf(field) as Uint32Array)[i] = texts.push(value) - 1;
      } else if (type === 'list' && Array.isArray(value)) {
        (columnOf(field) as Uint32Array)[i] = textIndex(JSON.stringify(value));
      }
    }
  }
  return { count, texts, columns };
}

/**
 * `value` if it is columns of a sound shape, else undefined (a message is read defensively,
 * whoever sent it): typed arrays of the right kind and length, every text index inside the table,
 * every event of a known kind with a key and a source. Then its readers need no checks.
 */
export function readColumns(value: unknown): EventColumns | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const c = value as Partial<EventColumns>;
  const count = c.count;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || count > MAX_COLUMN_EVENTS) {
    return undefined;
  }
  if (!Array.isArray(c.texts) || c.texts[0] !== '' || !c.texts.every((t) => typeof t === 'string')) return undefined;
  if (typeof c.columns !== 'object' || c.columns === null) return undefined;
  const texts = c.texts.length;
  for (const [field, type] of FIELD_LIST) {
    const column: unknown = c.columns[field];
    if (column === undefined) continue;
    if (!isColumn(column, ARRAY_NAMES[type], count)) return undefined;
    if (ARRAY_NAMES[type] === 'Uint32Array' && (column as Uint32Array).some((v) => v >= texts)) return undefined;
  }
  if (count === 0) return c as EventColumns;
  const { kind, key, source } = c.columns;
  const known = c.texts.map((t) => (EVENT_KINDS as readonly string[]).includes(t));
  if (!kind || !key || !source || !kind.every((v) => known[v]) || key.includes(0) || source.includes(0)) {
    return undefined;
  }
  return c as EventColumns;
}

/** A `list` column's text back to its list; undefined when it is not a list of texts. */
export function parseList(text: string | undefined): readonly string[] | undefined {
  try {
    const v: unknown = JSON.parse(text ?? '');
    return Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : undefined;
  } catch {
    return undefined;
  }
}

const ARRAY_NAMES: Readonly<Record<ColumnType, string>> = {
  number: 'Float64Array',
  flag: 'Int8Array',
  text: 'Uint32Array',
  unique: 'Uint32Array',
  list: 'Uint32Array',
};

/** By its tag rather than instanceof: a message's arrays may come from another window's realm. */
function isColumn(value: unknown, name: string, count: number): value is Column {
  return (
    ArrayBuffer.isView(value) &&
    Object.prototype.toString.call(value) === `[object ${name}]` &&
    (value as Column).length === count
  );
}
