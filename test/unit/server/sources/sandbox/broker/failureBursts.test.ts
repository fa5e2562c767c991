// A burst of failed authentications of one client id: the first is recorded in full, the rest are
// counted into one entry written when the burst ends (its window is up, the id connects, the server stops).

import * as assert from 'node:assert/strict';
import { authFailedRepeatedly } from '../../../../../../src/core/connectionLog';
import { parseClientId, type ParsedClientId } from '../../../../../../src/core/ids';
import { FailureBursts, type BurstSummary } from '../../../../../../src/server/sources/sandbox/broker/failureBursts';
import { waitFor } from '../../../../../support/waitFor';

const id = parseClientId('d:org1x2:sensor:s-01') as ParsedClientId;

describe('sandbox broker: failure bursts', () => {
  let written: [string, BurstSummary][];
  const write = (i: ParsedClientId, s: BurstSummary) => written.push([i.raw, s]);
  beforeEach(() => (written = []));

  it('counts the failures after the first, their addresses (five named, the rest counted) and 176s', () => {
    const b = new FailureBursts(60_000, write);
    assert.equal(b.add(id, '10.0.0.1', 1000, false), 'first');
    for (let i = 0; i < 8; i++) {
      assert.deepEqual(b.add(id, `10.0.0.${i + 1}`, 2000 + i, false), { counted: true, tellLimited: false });
    }
    assert.deepEqual(b.add(id, '10.0.0.1', 3000, true), { counted: true, tellLimited: true });
    assert.deepEqual(b.add(id, '10.0.0.1', 3001, true), { counted: true, tellLimited: false }, '176 told once');
    b.endAll();
    assert.deepEqual(written, [
      [
        id.raw,
        {
          count: 10,
          limited: 2,
          from: 1000,
          to: 3001,
          addresses: ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'],
          moreAddresses: 3,
        },
      ],
    ]);
    assert.equal(
      authFailedRepeatedly('token', id.raw, { ...written[0][1], from: 'A', to: 'B' }),
      "Token auth failed 10 more times from A to B: ClientID='d:org1x2:sensor:s-01', " +
        'ClientIP=10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4, 10.0.0.5 and 3 from other addresses; ' +
        '2 of them refused unchecked (176: too many authorization requests)',
    );
  });

  it('writes nothing for a burst of one (the first was recorded in full), and starts anew after', () => {
    const b = new FailureBursts(60_000, write);
    assert.equal(b.add(id, '10.0.0.1', 1000, false), 'first');
    b.end(id.raw);
    assert.deepEqual(written, []);
    assert.equal(b.add(id, '10.0.0.1', 2000, false), 'first');
    b.endAll();
  });

  it('ends a burst when its window is up', async () => {
    const b = new FailureBursts(30, write);
    b.add(id, '10.0.0.1', 1000, false);
    b.add(id, '10.0.0.1', 1001, false);
    await waitFor('the burst entry', () => written.length === 1);
    assert.equal(written[0][1].count, 1);
    assert.equal(b.add(id, '10.0.0.1', 5000, false), 'first');
    b.endAll();
  });
});
