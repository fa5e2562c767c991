// The lens title: `● connected 2 hr · 3 drops today (160 ×2, 91)`, and what it says when the
// platform does not know the id, cannot be reached, or has not answered yet. Hostile ids and
// platform names lose their `$(icon)` syntax.
import * as assert from 'assert';
import { normaliseClientState, type ClientState } from '../../../../src/core/clientState';
import type { DropTally } from '../../../../src/features/idsInCode/drops';
import { dropCodes, lensStatus, lensTitle } from '../../../../src/features/idsInCode/lensText';
import type { Lookup } from '../../../../src/features/idsInCode/lookupTypes';

const NOW = Date.parse('2024-05-01T12:00:00Z');

function state(fields: Record<string, unknown>): ClientState {
  const s = normaliseClientState({ id: 'd:org1x2:boiler:boiler-1', clientType: 'device', ...fields });
  assert.ok(s);
  return s;
}
const found = (s: ClientState, drops?: DropTally): Lookup => ({ kind: 'found', state: s, drops, at: NOW });
const tally = (codes: [number | undefined, number][], atLeast = false): DropTally => ({
  day: NOW - 3_600_000,
  total: codes.reduce((n, [, c]) => n + c, 0),
  codes,
  atLeast,
});

describe('features/idsInCode/lensText', () => {
  const connected = state({ connectionStatus: 'connected', lastConnectTime: '2024-05-01T09:40:00Z' });

  it('says how long it has been connected, and its drops of the day by code', () => {
    assert.strictEqual(
      lensStatus(
        found(
          connected,
          tally([
            [160, 2],
            [91, 1],
          ]),
        ),
        NOW,
        'sandbox',
      ),
      '● connected 2 hr · 3 drops today (160 ×2, 91)',
    );
    assert.strictEqual(
      lensStatus(found(connected, tally([[94, 1]])), NOW, 'sandbox'),
      '● connected 2 hr · 1 drop today (94)',
    );
    assert.strictEqual(lensStatus(found(connected, tally([])), NOW, 'sandbox'), '● connected 2 hr');
    assert.strictEqual(lensStatus(found(connected), NOW, 'sandbox'), '● connected 2 hr', 'drops not counted yet');
  });

  it('says since when it is disconnected, and marks a partial count', () => {
    const down = state({
      connectionStatus: 'disconnected',
      lastDisconnectTime: '2024-05-01T11:55:00Z',
      closeCode: 160,
    });
    assert.strictEqual(
      lensStatus(found(down, tally([[160, 20]], true)), NOW, 'sandbox'),
      '○ disconnected 5 min · 20+ drops today (160 ×20)',
    );
    assert.strictEqual(lensStatus(found(state({ connectionStatus: 'maybe' })), NOW, 'x'), '? status unknown');
    const fresh = state({ connectionStatus: 'connected', lastConnectTime: '2024-05-01T11:59:30Z' });
    assert.strictEqual(lensStatus(found(fresh), NOW, 'x'), '● connected just now', 'as the tooltip says it');
    assert.strictEqual(lensStatus(found(state({ connectionStatus: 'connected' })), NOW, 'x'), '● connected');
  });

  it('lists at most four codes, unknown ones as "?"', () => {
    assert.strictEqual(
      dropCodes(
        tally([
          [160, 3],
          [91, 2],
          [undefined, 2],
          [94, 1],
          [288, 1],
        ]),
      ),
      '160 ×3, 91 ×2, ? ×2, 94, …',
    );
  });

  it('says when the platform does not know the id, cannot be reached, or has not answered', () => {
    assert.strictEqual(lensStatus({ kind: 'notFound', at: NOW }, NOW, 'sandbox'), '? not known to platform sandbox');
    assert.strictEqual(
      lensStatus({ kind: 'unreachable', at: NOW, problem: { kind: 'network', message: 'ECONNREFUSED' } }, NOW, 'p'),
      '? unknown (platform unreachable)',
    );
    assert.strictEqual(lensStatus({ kind: 'pending' }, NOW, 'p'), '… looking up…');
    assert.strictEqual(lensStatus(undefined, NOW, 'p'), '… looking up…');
  });

  it('names the client when its line holds several, without icon syntax from the id or the platform', () => {
    const o = { now: NOW, platformName: '$(check) evil', named: true };
    assert.strictEqual(
      lensTitle('$(pass-filled) ok', { kind: 'notFound', at: NOW }, o),
      'ok: ? not known to platform evil',
    );
    const title = lensTitle('\u202Eevil\u202C $(alert)', { kind: 'pending' }, o);
    assert.ok(!title.includes('$(') && !/[\u202a-\u202e]/.test(title), title);
  });
});
