import * as assert from 'assert';
import { whenRegExp, whenTerms } from './whenClause';

describe('package.json lint: reading when clauses', () => {
  it('finds the keys, operators and values', () => {
    assert.deepStrictEqual(
      whenTerms(
        "view == iotConnectivity.clients && viewItem =~ /^client;/ && !iotConnectivity.queryActive || x != 'y'",
      ),
      [
        { key: 'view', op: '==', value: 'iotConnectivity.clients' },
        { key: 'viewItem', op: '=~', value: '/^client;/' },
        { key: 'iotConnectivity.queryActive', op: undefined, value: undefined },
        { key: 'x', op: '!=', value: 'y' },
      ],
    );
    assert.deepStrictEqual(whenTerms('false'), []);
    assert.ok(whenRegExp('/;hasLog(;|$)/').test('client;device;hasLog'));
  });
});
