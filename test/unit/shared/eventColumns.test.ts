import * as assert from 'node:assert/strict';
import { normaliseClientState } from '../../../src/core/clientState';
import {
  eventFromMonitor,
  eventsFromLog,
  eventsFromState,
  mergeEvents,
  type ConnectivityEvent,
} from '../../../src/core/events';
import { encodeEvents, EVENT_FIELDS, type EventColumns } from '../../../src/shared/eventColumns';
import { columnEvents } from '../../../src/webview/timeline/model/columnEvents';
import { prepareDataset } from '../../../src/webview/timeline/model/dataset';
import { describeEvent, describeSession } from '../../../src/webview/timeline/model/describe';
import { figuresFor } from '../../../src/webview/timeline/model/figures';
import { listRow } from '../../../src/webview/timeline/model/rows';
import { snapshotMessage, type TimelineSnapshot } from '../../../src/shared/protocol';
import { connected, disconnected, failed, iso, sec } from '../core/fixtures';
import { HOSTILE_STRINGS, MEGABYTE } from '../core/hostile';
import { syntheticHistory } from '../webview/timeline/model/synthetic';

/** What postMessage does to a message on its way (structured clone). */
const posted = <T>(value: T): T => structuredClone(value);

/** Every kind of event from every reader: log lines (a timeout, a bad token, an unknown line,
 * undated and badly dated ones), monitor messages, the state record, and merged ones. */
function everyKind(): ConnectivityEvent[] {
  const log = eventsFromLog([
    { message: "Token auth succeeded: ClientID='d:o:t:d', ClientIP=10.0.0.1", timestamp: iso(0) },
    { message: 'Closed connection from 10.0.0.1. The connection timed out.', timestamp: iso(60) },
    { message: "Token auth failed: ClientID='d:o:t:d', ClientIP=10.9.9.9", timestamp: iso(70) },
    { message: 'Closed connection from 10.9.9.9. The operation is not authorized.', timestamp: iso(70) },
    { message: 'something new', timestamp: 'not a date' },
    { message: 'no time at all' } as { message: string; timestamp: string },
  ]);
  const state = eventsFromState(
    normaliseClientState({
      id: 'd:o:t:d',
      connectionStatus: 'disconnected',
      lastConnectTime: iso(100),
      lastDisconnectTime: iso(200),
      closeCode: 288,
    })!,
  );
  const monitor = [
    connected(100),
    disconnected(200, 288),
    failed(210),
    eventFromMonitor({ Action: 'Connect', Time: iso(300), Port: 8883, Secure: false, Protocol: 'mqtt4' }),
    eventFromMonitor({ Action: 'Disconnect', Time: iso(400), ConnectTime: iso(300), CloseCode: 91 }),
    eventFromMonitor({ Action: 'Mystery' }, sec(500)),
  ];
  return mergeEvents([log, monitor, state]);
}

/** Every field as the page reads it (an absent field and one set to undefined are the same). */
const plain = (events: readonly ConnectivityEvent[]) =>
  events.map((e) =>
    Object.fromEntries(
      EVENT_FIELDS.map((f) => [f, (e as unknown as Record<string, unknown>)[f]]).filter(([, v]) => v !== undefined),
    ),
  );

describe('shared/eventColumns, read by webview/timeline/model/columnEvents', () => {
  it('gives back every kind of event, field for field, after postMessage', () => {
    const events = everyKind();
    assert.ok(
      events.some((e) => e.alsoSeenIn?.length) &&
        events.some((e) => e.time === undefined) &&
        events.some((e) => e.kind === 'other'),
    );
    assert.ok(
      events.some((e) => e.kind === 'connected' && e.secure === false),
      'a false flag is kept, not dropped',
    );
    const back = columnEvents(posted(encodeEvents(events)));
    assert.deepEqual(plain(back ?? []), plain(events));
    // Every field the events have is one the columns know.
    for (const e of events) for (const f of Object.keys(e)) assert.ok(EVENT_FIELDS.includes(f as never), f);
  });

  it('keeps hostile and huge texts exactly', () => {
    const events = HOSTILE_STRINGS.map((message, i) => eventsFromLog([{ message, timestamp: iso(i) }])[0]);
    const back = columnEvents(posted(encodeEvents(events)));
    assert.deepEqual(plain(back ?? []), plain(events));
    assert.ok(back?.some((e) => e.kind === 'other' && e.raw === MEGABYTE));
  });

  it('sends 50,000 events as a few typed arrays and each shared text once', () => {
    const events = syntheticHistory(50_000, sec(0));
    const c = encodeEvents(events);
    const back = columnEvents(posted(c));
    assert.equal(back?.length, 50_000);
    assert.deepEqual(plain(back ?? []), plain(events));
    // Keys are one per event; everything else (explanations, hints, addresses, ids) is shared.
    assert.ok(c.texts.length < 50_000 + 3_000, `${c.texts.length} texts`);
    for (const column of Object.values(c.columns)) assert.ok(ArrayBuffer.isView(column));
    assert.equal(c.columns.rawTime, undefined, 'a field no event has is not sent');
  });

  it('draws the same from views of the columns as from the objects: sessions, figures, marks, rows, details', () => {
    for (const events of [everyKind(), syntheticHistory(5_000, sec(0))]) {
      const views = columnEvents(posted(encodeEvents(events))) ?? [];
      const [a, b] = [prepareDataset(events), prepareDataset(views)];
      const w = { from: a.extent?.min ?? 0, to: sec(1000) };
      assert.deepEqual(
        figuresFor(b, w, 'unknown', sec(1000), 0).figures,
        figuresFor(a, w, 'unknown', sec(1000), 0).figures,
      );
      assert.deepEqual(b.marks, a.marks);
      assert.deepEqual(
        b.history.sessions.map((s) => describeSession(s, sec(1000), 0)),
        a.history.sessions.map((s) => describeSession(s, sec(1000), 0)),
      );
      assert.deepEqual(
        views.map((e, i) => [listRow(e, i, 0), describeEvent(e, 0)]),
        events.map((e, i) => [listRow(e, i, 0), describeEvent(e, 0)]),
      );
    }
  });

  it('refuses what is not columns of the right shape, without throwing', () => {
    const good = encodeEvents([connected(0), disconnected(60, 160)]);
    const bad: unknown[] = [
      undefined,
      null,
      'columns',
      [],
      {},
      { ...good, count: -1 },
      { ...good, count: 1.5 },
      { ...good, count: 3 },
      { ...good, texts: [1, 2] },
      { ...good, columns: null },
      { ...good, columns: { ...good.columns, time: [1, 2] } },
      { ...good, columns: { ...good.columns, kind: new Float64Array(2) } },
      { ...good, columns: { ...good.columns, kind: undefined } },
      { ...good, texts: good.texts.map((t) => (t === 'connected' ? 'evil' : t)) },
      { ...good, columns: { ...good.columns, key: new Uint32Array(2) } },
    ];
    for (const value of bad) assert.equal(columnEvents(value), undefined, JSON.stringify(value)?.slice(0, 120));
    const stray = { ...good, columns: { ...good.columns, clientAddr: new Uint32Array([99_999, 1]) } } as EventColumns;
    assert.equal(columnEvents(stray), undefined, 'a text index outside the table');
    assert.deepEqual(columnEvents(encodeEvents([])), []);
  });

  it('encodes a list of events once however often its snapshot is posted', () => {
    const snapshot: TimelineSnapshot = {
      subject: { clientId: 'd:o:t:d', name: 'd', kind: 'device', hasLog: true },
      events: everyKind(),
      status: 'connected',
      now: sec(600),
      notices: [],
      live: false,
    };
    const a = snapshotMessage(snapshot);
    const b = snapshotMessage({ ...snapshot, live: true });
    const c = snapshotMessage({ ...snapshot, events: [...snapshot.events] });
    assert.ok(a.type === 'columns' && b.type === 'columns' && c.type === 'columns');
    assert.equal(a.snapshot.eventsRevision, b.snapshot.eventsRevision);
    assert.equal(a.snapshot.events, b.snapshot.events);
    assert.notEqual(c.snapshot.eventsRevision, a.snapshot.eventsRevision);
    assert.equal(b.snapshot.live, true);
  });
});
