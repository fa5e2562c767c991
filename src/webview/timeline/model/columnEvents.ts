// The events of a `columns` message (shared/eventColumns.ts) without unpacking them: each event
// is a view — the columns and a row number — whose fields are read from the typed arrays and the
// text table when asked. 50,000 views of one small shape cost a fraction of 50,000 objects of
// twenty fields, to make and to collect; the list reads only the rows in view, the chart only
// what sessions and marks need. Views are read, never spread or cloned (nothing here does).

import type { ConnectivityEvent } from '../../../core/events/types';
import { parseList, readColumns, type EventColumns, type EventField } from '../../../shared/eventColumns';

class Rows {
  private readonly lists = new Map<number, readonly string[] | undefined>();
  // The fields every pass over all events reads (sessions, marks, the list's filter), at hand.
  readonly texts: readonly string[];
  readonly kinds: Uint32Array;
  readonly times?: Float64Array;
  readonly causes?: Uint32Array;

  constructor(readonly c: EventColumns) {
    this.texts = c.texts;
    this.kinds = c.columns.kind as Uint32Array;
    this.times = c.columns.time as Float64Array | undefined;
    this.causes = c.columns.cause as Uint32Array | undefined;
  }

  text(field: EventField, i: number): string | undefined {
    const v = (this.c.columns[field] as Uint32Array | undefined)?.[i];
    return v ? this.c.texts[v] : undefined;
  }

  number(field: EventField, i: number): number | undefined {
    const v = (this.c.columns[field] as Float64Array | undefined)?.[i];
    return v === undefined || Number.isNaN(v) ? undefined : v;
  }

  flag(field: EventField, i: number): boolean | undefined {
    const v = (this.c.columns[field] as Int8Array | undefined)?.[i];
    return v === undefined || v < 0 ? undefined : v === 1;
  }

  list(field: EventField, i: number): readonly string[] | undefined {
    const v = (this.c.columns[field] as Uint32Array | undefined)?.[i];
    if (!v) return undefined;
    if (!this.lists.has(v)) this.lists.set(v, parseList(this.c.texts[v]));
    return this.lists.get(v);
  }
}

/** One event of the columns. Every field of every kind has a getter here: one left out does not compile. */
class EventView implements Readonly<Record<EventField, unknown>> {
  constructor(
    private readonly r: Rows,
    private readonly i: number,
  ) {}
  get kind() {
    return this.r.texts[this.r.kinds[this.i]];
  }
  get key() {
    return this.r.text('key', this.i);
  }
  get source() {
    return this.r.text('source', this.i);
  }
  get time() {
    const t = this.r.times?.[this.i];
    return t === undefined || Number.isNaN(t) ? undefined : t;
  }
  get timeIssue() {
    return this.r.text('timeIssue', this.i);
  }
  get rawTime() {
    return this.r.text('rawTime', this.i);
  }
  get clientId() {
    return this.r.text('clientId', this.i);
  }
  get clientAddr() {
    return this.r.text('clientAddr', this.i);
  }
  get clientPort() {
    return this.r.number('clientPort', this.i);
  }
  get keepAliveSeconds() {
    return this.r.number('keepAliveSeconds', this.i);
  }
  get node() {
    return this.r.text('node', this.i);
  }
  get alsoSeenIn() {
    return this.r.list('alsoSeenIn', this.i);
  }
  get auth() {
    return this.r.text('auth', this.i);
  }
  get protocol() {
    return this.r.text('protocol', this.i);
  }
  get port() {
    return this.r.number('port', this.i);
  }
  get secure() {
    return this.r.flag('secure', this.i);
  }
  get closeCode() {
    return this.r.number('closeCode', this.i);
  }
  get initiator() {
    return this.r.text('initiator', this.i);
  }
  get mqttReasonCode() {
    return this.r.number('mqttReasonCode', this.i);
  }
  get reason() {
    return this.r.text('reason', this.i);
  }
  get explanation() {
    return this.r.text('explanation', this.i);
  }
  get hint() {
    return this.r.text('hint', this.i);
  }
  get cause() {
    const v = this.r.causes?.[this.i];
    return v ? this.r.texts[v] : undefined;
  }
  get connectTime() {
    return this.r.number('connectTime', this.i);
  }
  get raw() {
    return this.r.text('raw', this.i);
  }
}

/** The events of `value`, in its order; undefined when it is not sound columns (see readColumns). */
export function columnEvents(value: unknown): ConnectivityEvent[] | undefined {
  const c = readColumns(value);
  if (!c) return undefined;
  const rows = new Rows(c);
  const events = new Array<ConnectivityEvent>(c.count);
  // readColumns checked kinds, keys, sources and every index: each view reads as a sound event.
  for (let i = 0; i < c.count; i++) events[i] = new EventView(rows, i) as unknown as ConnectivityEvent;
  return events;
}
