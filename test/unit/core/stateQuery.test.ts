import * as assert from 'node:assert/strict';
import {
  canonicalStateQuery,
  isEmptyStateQuery,
  readStateQuery,
  stateQueriesEqual,
  stateQueryParams,
  validateStateQuery,
} from '../../../src/core/stateQuery';
import { describeStateQuery } from '../../../src/core/stateQueryWords';
import type { StateQuery } from '../../../src/core/query';
import { HOSTILE_STRINGS } from './hostile';

const NOW = Date.UTC(2024, 5, 15, 12, 0, 0);
const DAY = 86_400_000;

describe('core/stateQuery', () => {
  it('sends connectedAfter, resolving a relative span against now', () => {
    const r = stateQueryParams({ connectionStatus: 'connected', connectedAfter: '2d', deviceType: 'sensor' }, NOW, {
      limit: 100,
      sort: '-lastActivityTime',
      bookmark: 'b1',
    });
    assert.ok(r.ok);
    assert.equal(
      r.params.toString(),
      'connectionStatus=connected&deviceType=sensor' +
        `&connectedAfter=${encodeURIComponent(new Date(NOW - 2 * DAY).toISOString())}` +
        '&_limit=100&_sort=-lastActivityTime&_bookmark=b1',
    );
  });
  it('sends every filter and clamps the page size', () => {
    const q: StateQuery = {
      connectionStatus: 'disconnected',
      deviceType: 't',
      deviceId: 'd',
      clientType: 'gateway',
      connectedAfter: '2019-03-09T15:00:00',
      connectedBefore: '2019-03-10',
      disconnectedAfter: '1w',
      disconnectedBefore: 'now',
      lastActivityAfter: '30m',
      lastActivityBefore: '2024-06-15T11:59:00Z',
    };
    const r = stateQueryParams(q, NOW, { limit: 1000 });
    assert.ok(r.ok);
    assert.equal(r.params.get('connectedAfter'), '2019-03-09T15:00:00.000Z');
    assert.equal(r.params.get('connectedBefore'), '2019-03-10T00:00:00.000Z');
    assert.equal(r.params.get('disconnectedBefore'), new Date(NOW).toISOString());
    assert.equal(r.params.get('lastActivityAfter'), new Date(NOW - 30 * 60_000).toISOString());
    assert.equal(r.params.get('clientType'), 'gateway');
    assert.equal(r.params.get('_limit'), '100');
    assert.equal(r.params.get('lastConnectedAfter'), null);
    const none = stateQueryParams({}, NOW);
    assert.ok(none.ok);
    assert.equal(none.params.toString(), '');
  });
  it('validates with messages for people', () => {
    const problems = validateStateQuery(
      {
        connectionStatus: 'maybe' as 'connected',
        clientType: 'robot' as 'device',
        deviceType: 'bad type',
        deviceId: 'x'.repeat(37),
        connectedAfter: 'yesterday',
        disconnectedAfter: '1h',
        disconnectedBefore: '2d',
      },
      NOW,
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['connectionStatus', 'clientType', 'deviceType', 'deviceId', 'connectedAfter', 'disconnectedAfter'],
    );
    assert.match(problems[0].message, /connected or disconnected/);
    assert.match(problems[4].message, /"yesterday" is not a time/);
    assert.match(problems[5].message, /no client can match/);
    const r = stateQueryParams({ connectedAfter: 'soon' }, NOW);
    assert.equal(r.ok, false);
    assert.deepEqual(validateStateQuery({ connectedAfter: '2d', deviceId: 's-01' }, NOW), []);
  });
  it('reads a stored query, accepting lastConnectedAfter and reporting what it drops', () => {
    const { query, problems } = readStateQuery({
      lastConnectedAfter: '2d',
      deviceType: ' sensor ',
      bogus: 1,
      deviceId: 5,
      clientType: '',
    });
    assert.deepEqual(query, { connectedAfter: '2d', deviceType: 'sensor' });
    assert.deepEqual(
      problems.map((p) => p.field),
      ['bogus', 'deviceId'],
    );
    for (const bad of [null, 'x', [1], 7]) assert.equal(readStateQuery(bad).problems.length, 1);
    const hostile = readStateQuery(Object.fromEntries(HOSTILE_STRINGS.map((s, i) => [s || `k${i}`, s])));
    assert.ok(hostile.problems.every((p) => p.message.length < 120));
  });
  it('compares queries by meaning, not spelling', () => {
    assert.ok(stateQueriesEqual({ connectedAfter: '2 days' }, { connectedAfter: '2d' }));
    assert.ok(
      stateQueriesEqual({ connectedAfter: '2019-03-09T15:00:00' }, { connectedAfter: '2019-03-09T17:00:00+02:00' }),
    );
    assert.ok(
      stateQueriesEqual(
        { deviceType: 'sensor', connectionStatus: 'connected' },
        { connectionStatus: 'connected', deviceType: 'sensor ' },
      ),
    );
    assert.ok(stateQueriesEqual({ connectedAfter: 'NOW' }, { connectedAfter: 'now' }));
    assert.ok(!stateQueriesEqual({ connectedAfter: '2d' }, { connectedAfter: '3d' }));
    assert.ok(!stateQueriesEqual({ connectedAfter: '2d' }, { connectedBefore: '2d' }));
    assert.deepEqual(canonicalStateQuery({ deviceId: '', connectedAfter: '1 week ago' }), { connectedAfter: '1w' });
    assert.ok(isEmptyStateQuery({ deviceId: '  ' }));
    assert.ok(!isEmptyStateQuery({ deviceId: 'x' }));
  });
  it('describes a query in one line', () => {
    assert.equal(
      describeStateQuery({ connectionStatus: 'connected', connectedAfter: '2d', deviceType: 'sensor' }),
      'connected · connected less than 2 days ago · type sensor',
    );
    assert.equal(describeStateQuery({}), 'all clients');
    assert.equal(
      describeStateQuery({
        connectedBefore: '2019-03-09T15:00:00.000Z',
        deviceId: 's-01',
        clientType: 'device',
        lastActivityAfter: '1h',
      }),
      'connected before 2019-03-09 15:00 UTC · active less than 1 hour ago · id s-01 · client type device',
    );
  });
  it('describes hostile values as short plain text', () => {
    for (const s of HOSTILE_STRINGS) {
      const words = describeStateQuery({ deviceType: s, connectedAfter: s });
      assert.ok(words.length < 120);
      assert.doesNotMatch(words, /[\u202e\n]/);
    }
  });
  it('takes a part of the client id exactly as given: spaces are part of ids (platform-contract.md §7.2)', () => {
    const { query, problems } = readStateQuery({ clientIdContains: ' kitchen/ ', clientType: 'other' });
    assert.deepEqual(problems, []);
    assert.deepEqual(query, { clientIdContains: ' kitchen/ ', clientType: 'other' });
    const r = stateQueryParams(query, NOW);
    assert.ok(r.ok);
    assert.equal(r.params.toString(), 'clientType=other&clientIdContains=+kitchen%2F+');
    assert.equal(r.params.get('clientIdContains'), ' kitchen/ ');
    assert.deepEqual(canonicalStateQuery(query), { clientType: 'other', clientIdContains: ' kitchen/ ' });
    assert.ok(!stateQueriesEqual(query, { clientIdContains: 'kitchen/', clientType: 'other' }));
    assert.equal(describeStateQuery(query), 'client type other · id contains " kitchen/ "');
    assert.deepEqual(readStateQuery({ clientIdContains: 7 }).problems.length, 1);
    assert.deepEqual(readStateQuery({ clientIdContains: '' }).query, {});
    assert.equal(validateStateQuery({ clientIdContains: 'x'.repeat(1001) }, NOW).length, 1);
    for (const s of HOSTILE_STRINGS.filter((h) => h !== '' && h.length <= 1000)) {
      assert.equal(stateQueryParams({ clientIdContains: s }, NOW).ok, true);
      assert.ok(describeStateQuery({ clientIdContains: s }).length < 80);
    }
  });
});
