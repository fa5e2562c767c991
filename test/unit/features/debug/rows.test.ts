// Which rows of the debug sessions' clients change with the clock: the views redraw every second
// only for those (a held client's "held" reads the same each second).

import * as assert from 'node:assert/strict';
import type { Countdown } from '../../../../src/features/debug/countdown';
import { anyCountdown, type FamilyRow } from '../../../../src/features/debug/rows';

function family(...countdowns: (Countdown | undefined)[]): FamilyRow {
  return {
    rootId: 'root',
    name: 'boiler',
    type: 'node',
    clients: countdowns.map((c, i) => ({
      clientId: `c-${i}`,
      how: 'pid',
      sessionId: 'child',
      connected: true,
      pause: c && { since: 0, countdown: c },
    })),
  };
}

const exact: Countdown = { kind: 'exact', secondsLeft: 12, deadline: 12_000, warning: false };
const bound: Countdown = { kind: 'bound', secondsLeft: 40, deadline: 40_000, warning: false };

describe('features/debug/rows: what counts down', () => {
  it('ticks for an exact or bounded countdown and for a pause of unknown keep-alive', () => {
    assert.equal(anyCountdown([family(exact)]), true);
    assert.equal(anyCountdown([family(undefined), family({ kind: 'held' }, bound)]), true);
    assert.equal(anyCountdown([family({ kind: 'unknown', pausedSeconds: 3 })]), true);
  });

  it('does not tick for clients held, without keep-alive, or running', () => {
    assert.equal(anyCountdown([]), false);
    assert.equal(anyCountdown([family(undefined)]), false);
    assert.equal(anyCountdown([family({ kind: 'held' }), family({ kind: 'noKeepAlive' }, undefined)]), false);
  });
});
