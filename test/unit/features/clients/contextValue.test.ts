import * as assert from 'assert';
import { normaliseClientState, type ClientState } from '../../../../src/core/clientState';
import { clientContextValue } from '../../../../src/features/clients/contextValue';

function state(id: string, connectionStatus = 'connected'): ClientState {
  const s = normaliseClientState({ id, connectionStatus });
  assert.ok(s);
  return s;
}

describe('features/clients/contextValue: capabilities for menus', () => {
  it('lists kind, the connection log for devices and gateways, and the status', () => {
    assert.strictEqual(clientContextValue(state('d:org1x2:t:d1')), 'client;device;hasLog;connected');
    assert.strictEqual(
      clientContextValue(state('g:org1x2:t:g1', 'disconnected')),
      'client;gateway;hasLog;disconnected',
    );
    assert.strictEqual(clientContextValue(state('a:org1x2:app')), 'client;application;connected');
    // Any other id comes from an observed broker, whose server keeps its log by client id (platform-contract.md §7.2).
    assert.strictEqual(clientContextValue(state('<b>', 'maybe')), 'client;other;hasLog;unknown');
    assert.strictEqual(clientContextValue(state('kitchen/sensor 7')), 'client;other;hasLog;connected');
  });

  it('adds capabilities of other features, ignoring anything that is not a plain word', () => {
    const value = clientContextValue(state('d:org1x2:t:d1'), [
      () => 'pinned',
      () => undefined,
      () => 'bad;cap',
      () => 'x y',
    ]);
    assert.strictEqual(value, 'client;device;hasLog;connected;pinned');
    assert.match(value, /^client;/);
  });
});
