import * as assert from 'node:assert/strict';
import type { PresenceSnapshot } from '../../../../src/core/presence/presence';
import { clientLine, clientWords, TOOLTIP_ROWS, tooltipMarkdown } from '../../../../src/features/watcher/tooltip';
import { disconnected, failed, sec } from '../../core/fixtures';
import { HOSTILE_STRINGS } from '../../core/hostile';

const id = (d: string) => `d:org123:sensor:${d}`;

describe('features/watcher/tooltip', () => {
  it('lists each pinned client with its state, since when and the last cause, offline first', () => {
    const d = disconnected(10, 160, '10.0.0.1', id('sensor-7'));
    assert.ok(d.kind === 'disconnected');
    const clients: PresenceSnapshot[] = [
      { clientId: id('ok'), status: 'connected', since: sec(0) },
      { clientId: id('sensor-7'), status: 'disconnected', since: sec(10), lastDisconnect: d },
    ];
    const md = tooltipMarkdown({
      platformName: 'local',
      connection: { state: 'connected', since: sec(0) },
      clients,
      problems: [],
      now: sec(130),
    });
    const lines = md.replace(/\\/g, '').split('\n');
    assert.match(lines[0], /Watching/);
    assert.match(
      lines[2],
      /sensor-7 — \*\*offline, disconnected 2 min\. ago\*\*; last cause: keep-alive timed out \(network, code 160\)/,
    );
    assert.match(lines[3], /ok — connected 2 min\. ago/);
  });
  it('tells a failing client without a session, and an unknown one', () => {
    const f = failed(5, 180, '10.9.9.9', id('bad'));
    assert.ok(f.kind === 'failedConnect');
    assert.match(
      clientLine({ clientId: id('bad'), status: 'unknown', lastFailure: f }, sec(10)).replace(/\\/g, ''),
      /\*\*offline, never seen connected\*\*; last failed to connect just now: not authorized/,
    );
    assert.match(
      clientLine({ clientId: id('new'), status: 'unknown' }, sec(10)).replace(/\\/g, ''),
      /unknown \(no news yet\)/,
    );
    assert.deepEqual(clientWords({ clientId: id('bad'), status: 'unknown', lastFailure: f }, sec(10)), {
      state: 'offline, never seen connected',
      cause: 'last failed to connect just now: not authorized (server, code 180)',
      offline: true,
    });
  });
  it("says the watcher's own link is down, apart from the clients", () => {
    const md = tooltipMarkdown({
      connection: { state: 'reconnecting', since: sec(0), attempt: 3, retryInMs: 100, reason: 'refused' },
      clients: [],
      problems: [],
      now: sec(1),
    });
    assert.match(md, /The watcher's own connection is down/);
    assert.match(md, /as last known/);
  });
  it('bounds the rows and lists problems', () => {
    const clients = Array.from({ length: TOOLTIP_ROWS + 5 }, (_, i): PresenceSnapshot => ({
      clientId: id(`d${i}`),
      status: 'connected',
    }));
    const md = tooltipMarkdown({
      connection: { state: 'connected', since: 0 },
      clients,
      problems: [{ kind: 'subscriptionRefused', topic: 'iot-2/type/t/id/d/mon', reason: 'refused [x](command:y)' }],
      now: 0,
    });
    assert.match(md, /and 5 more/);
    assert.match(md, /Watcher problems/);
    assert.ok(md.includes('refused \\[x\\]\u2009\\(command\u2009\\:y\\)'), md);
  });
  it('escapes hostile ids and reasons', () => {
    for (const text of HOSTILE_STRINGS) {
      const md = tooltipMarkdown({
        platformName: text,
        connection: { state: 'rejected', reason: text },
        clients: [{ clientId: text, status: 'unknown' }],
        problems: [{ kind: 'subscriptionRefused', topic: text, reason: text }],
        now: 0,
      });
      // Markup characters from devices arrive backslash-escaped (shown as text), never bare.
      assert.ok(!/(^|[^\\])[<[]|\]\(command:|\u202E/.test(md.replace(/\*\*|^- /gm, '')), md.slice(0, 300));
      assert.ok(md.length < 10_000);
    }
  });
});
