// Every surface the rooms without VS Code word, rendered in Brazilian Portuguese, holds no English
// from the English bundle and no English of Intl: the Clients tooltip and headline, the watcher's
// status bar, tooltip and notifications, the timeline's notices, figures, range, list and details,
// the Register Device document and the walkthrough. The same surfaces in English are full of it,
// so the check can fail. Data stays as written: the platform's reason sentences (platform-contract
// §4.3) and code in the document's fences are taken out before looking. The timeline page's DOM and
// the tree are looked at in a real VS Code in pt-BR (test/e2e/ptBr.test.ts).
import * as assert from 'node:assert/strict';
import { normaliseClientState } from '../../../src/core/clientState';
import { stateHeadline } from '../../../src/core/clientWords';
import { CLOSE_CODES } from '../../../src/core/closeCodes';
import { Presence, type PresenceTransition } from '../../../src/core/presence/presence';
import { stormWords, transitionWords } from '../../../src/core/presence/words';
import { describeStateQuery } from '../../../src/core/stateQueryWords';
import { parseTimeInput } from '../../../src/core/timeInput';
import { tooltipMarkdown as clientTooltip } from '../../../src/features/clients/tooltip';
import { deviceDocument } from '../../../src/features/register/document';
import { connectionFacts } from '../../../src/features/register/facts';
import { missedWords } from '../../../src/features/watcher/missedWords';
import { pinProblem } from '../../../src/features/watcher/pins';
import { statusModel, type WatcherConnection } from '../../../src/features/watcher/statusModel';
import { PinTally } from '../../../src/features/watcher/tally';
import { problemWords, tooltipMarkdown as watcherTooltip } from '../../../src/features/watcher/tooltip';
import type { WatcherProblem } from '../../../src/features/watcher/types';
import { noticeText } from '../../../src/webview/timeline/notices';
import { prepareDataset } from '../../../src/webview/timeline/model/dataset';
import {
  describeCluster,
  describeEvent,
  describeGap,
  describePause,
  describeSession,
} from '../../../src/webview/timeline/model/describe';
import { figuresFor } from '../../../src/webview/timeline/model/figures';
import { rangeWords, shownRange } from '../../../src/webview/timeline/model/range';
import { listRow } from '../../../src/webview/timeline/model/rows';
import { categoryLook, kindWords } from '../../../src/webview/timeline/model/words';
import { bundles, englishFinder } from '../../support/english';
import { connected, disconnected, failed, iso, sec } from '../core/fixtures';
import { inPortuguese } from '../support/language';
import { ONE_OF_EACH } from '../webview/timeline/noticeKinds';

const ID = 'd:org123:sensor:s-7';
const PLATFORM_SENTENCES = CLOSE_CODES.map((c) => c.reason);

function clientRecord() {
  const state = normaliseClientState({
    id: ID,
    clientType: 'device',
    connectionStatus: 'disconnected',
    lastConnectTime: iso(0),
    lastDisconnectTime: iso(600),
    lastActivityEvent: 'mqttDisconnect',
    lastActivityTime: iso(600),
    closeCode: 160,
    closeReason: 'The connection timed out',
    extra1: 1,
    extra2: 2,
    extra3: 3,
    extra4: 4,
    extra5: 5,
    extra6: 6,
    extra7: 7,
    extra8: 8,
    extra9: 9,
  });
  assert.ok(state);
  return state;
}

function transitions(): PresenceTransition[] {
  const p = new Presence(ID);
  const at = (action: string, s: number, extra: object = {}) => ({
    Action: action,
    Time: iso(s),
    ClientID: ID,
    ...extra,
  });
  return [
    ...p.applyMonitor(at('Connect', 0), true, 0),
    ...p.applyMonitor(at('Disconnect', 10, { CloseCode: 160 }), false, 0),
    ...p.applyMonitor(at('FailedConnect', 11, { CloseCode: 180 }), false, 0),
    ...p.applyMonitor(at('Connect', 20), false, 0),
    ...p.applyMonitor(at('Disconnect', 30, { CloseCode: 288 }), false, 0),
  ];
}

const CONNECTIONS: WatcherConnection[] = [
  { state: 'connected', since: sec(0) },
  { state: 'idle' },
  { state: 'connecting', attempt: 1 },
  { state: 'connecting', attempt: 3 },
  { state: 'reconnecting', since: sec(0), attempt: 2, retryInMs: 1000, reason: 'ECONNREFUSED' },
  { state: 'rejected', reason: 'CONNACK 5' },
  { state: 'closed' },
  { state: 'unavailable', why: { kind: 'noPlatform' } },
  { state: 'unavailable', why: { kind: 'platformChanged' } },
  { state: 'unavailable', why: { kind: 'nothingPinned' } },
];

const PROBLEMS: WatcherProblem[] = [
  { kind: 'initialReadsFailed', failed: 2, detail: 'ECONNRESET' },
  { kind: 'reconcileFailed', failed: 1, retrying: true, detail: 'ECONNRESET' },
  { kind: 'reconcileFailed', failed: 3, retrying: false, detail: 'ECONNRESET' },
  { kind: 'reconcileError', detail: 'ECONNRESET' },
  { kind: 'unreadableMessages', count: 2, lastError: 'JSON', bytes: 10 },
  { kind: 'subscriptionRefused', topic: 'iot-2/type/+/id/+/mon', reason: '0x80' },
  { kind: 'subscriptionRefused', topic: 'iot-2/type/+/id/+/mon' },
  { kind: 'noMonitorTopics', count: 1 },
];

/** Each surface as the person reads it, in the language in use. */
function surfaces(): Record<string, string> {
  const now = sec(7200);
  const tally = (states: Record<string, 'connected' | 'disconnected' | 'unknown'>) => {
    const t = new PinTally();
    for (const [d, status] of Object.entries(states)) t.set({ clientId: `d:org123:sensor:${d}`, status });
    return t;
  };
  const statusBar = [
    tally({ a: 'connected', b: 'connected' }),
    tally({ a: 'connected', b: 'disconnected', c: 'disconnected', d: 'disconnected' }),
    tally({ a: 'connected', b: 'unknown' }),
    tally({ a: 'connected' }),
  ].flatMap((t) => CONNECTIONS.flatMap((connection) => [0, 2].map((problems) => ({ connection, tally: t, problems }))));
  const d = disconnected(600, 160);
  const f = failed(700, 180);
  const data = prepareDataset([
    connected(0),
    disconnected(600, 160),
    failed(700),
    connected(900),
    disconnected(1000, 288),
  ]);
  const flapping = prepareDataset(
    Array.from({ length: 6 }, (_, i) => [connected(i * 20), disconnected(i * 20 + 10, 160)]).flat(),
  );
  const session = data.history.sessions[0];
  const gap = data.history.gaps[0];
  const facts = connectionFacts({ mqttUrl: 'mqtts://127.0.0.1:8883', clientId: ID, token: 'tok', caFile: 'ca.pem' });
  return {
    'Clients tooltip': clientTooltip(clientRecord(), now),
    'Clients headline': stateHeadline(clientRecord(), now),
    'Clients query': describeStateQuery({ connectionStatus: 'connected', connectedAfter: '2d', deviceType: 'sensor' }),
    'time input': [parseTimeInput('', now), parseTimeInput('soon', now)].map((r) => (r.ok ? '' : r.error)).join('\n'),
    'status bar': statusBar.map((s) => `${statusModel(s).text}\n${statusModel(s).accessibility}`).join('\n'),
    'watcher tooltip': CONNECTIONS.map((connection) =>
      watcherTooltip({
        platformName: 'sandbox',
        connection,
        clients: [
          {
            clientId: ID,
            status: 'disconnected',
            since: sec(600),
            lastDisconnect: d.kind === 'disconnected' ? d : undefined,
          },
          { clientId: 'd:org123:sensor:b', status: 'unknown', lastFailure: f.kind === 'failedConnect' ? f : undefined },
          { clientId: 'd:org123:sensor:c', status: 'connected', since: sec(5) },
        ],
        problems: PROBLEMS,
        now,
      }),
    ).join('\n'),
    'watcher problems': PROBLEMS.map(problemWords).join('\n'),
    'pin input': [pinProblem(''), pinProblem('nope')].join('\n'),
    notifications: [
      ...transitions().map(transitionWords),
      stormWords({ count: 12, items: transitions(), from: 0, to: 8000 }),
    ].join('\n'),
    'missed while offline': missedWords(new Map([[ID, [d, connected(650), f, d, connected(800), d]]]), 40_000) ?? '',
    'timeline notices': Object.values(ONE_OF_EACH).map(noticeText).join('\n'),
    'timeline figures': [data, flapping]
      .flatMap((set) => {
        const f = figuresFor(set, { from: sec(0), to: now }, 'disconnected', now, 0);
        return [...f.figures.flatMap((x) => [x.label, x.value]), f.flapping ?? ''];
      })
      .join('\n'),
    'timeline range': [
      rangeWords(shownRange('all', undefined, data.extent, now), 0),
      rangeWords(shownRange('1h', { from: sec(0), to: sec(1.5) }, data.extent, now), 0),
    ].join('\n'),
    'timeline list': data.events
      .map((e, i) => listRow(e, i, 0))
      .flatMap((r) => [r.time, r.text, r.source])
      .join('\n'),
    'timeline details': [
      ...data.events.map((e) => describeEvent(e, 0)),
      describeSession(session, now, 0),
      describeGap(gap, now, 0),
      describeCluster(sec(0), sec(900), 5, { network: 2, failed: 3, client: 0, server: 0, unknown: 0, takeover: 0 }, 0),
      describePause({ from: sec(0), to: sec(47), session: 'firmware', atBreakpoint: true }, now, 0),
      describePause({ from: sec(0), session: 'firmware', atBreakpoint: false }, now, 0),
    ]
      .flatMap((detail) => [detail.title, ...detail.rows.flatMap((r) => [r.label, r.value])])
      .join('\n'),
    'timeline words': [
      ...(['network', 'server', 'client', 'takeover', 'unknown', 'failed'] as const).flatMap((c) => {
        const look = categoryLook(c);
        return [look.short, look.long];
      }),
      ...(['connected', 'failedConnect', 'disconnected', 'other'] as const).map(kindWords),
    ].join('\n'),
    'Register Device document': deviceDocument({ platformName: 'sandbox', facts }).replace(
      /^```\w*\n[\s\S]*?^```$/gm,
      '',
    ),
  };
}

/** The walkthrough (titles, descriptions, alt texts) as package.json names it, in one language. */
function walkthrough(nls: Record<string, string>): string {
  return Object.entries(nls)
    .filter(([key]) => key.startsWith('walkthrough.'))
    .map(([, text]) => text)
    .join('\n');
}

describe('l10n: every surface in pt-BR', () => {
  const { en, pt } = bundles();
  const english = englishFinder(en, pt);
  const withoutData = (text: string) => PLATFORM_SENTENCES.reduce((t, s) => t.split(s).join(''), text);

  it('finds the English of every surface when it is shown in English', () => {
    for (const [name, text] of Object.entries(surfaces())) {
      assert.notDeepEqual(english(withoutData(text)), [], `${name} in English:\n${text}`);
    }
    assert.notDeepEqual(english(walkthrough(en)), []);
  });

  describe('in Brazilian Portuguese', () => {
    inPortuguese();
    it('shows no English on any surface', () => {
      for (const [name, text] of Object.entries(surfaces())) {
        assert.deepEqual(english(withoutData(text)), [], `${name} in pt-BR:\n${text}`);
      }
    });
    it('walks a newcomer through in Portuguese', () => {
      assert.deepEqual(english(walkthrough(pt)), []);
    });
  });
});
