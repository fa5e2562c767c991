import * as assert from 'assert';
import { sentQuery } from '../../../../src/features/query/sentQuery';

describe('features/query/sentQuery: the query as the API receives it', () => {
  const now = Date.parse('2024-05-03T12:00:00Z');

  it('resolves spans against now and keeps the other filters', () => {
    assert.deepStrictEqual(
      sentQuery({ connectionStatus: 'connected', connectedAfter: '2d', deviceType: 'sensor' }, now),
      { connectionStatus: 'connected', deviceType: 'sensor', connectedAfter: '2024-05-01T12:00:00.000Z' },
    );
  });

  it('refuses what the API would refuse, saying why', () => {
    assert.throws(() => sentQuery({ connectedAfter: 'soon' }, now), /not a time/);
    assert.throws(() => sentQuery({ connectedAfter: '1h', connectedBefore: '2d' }, now), /not earlier/);
  });
});
