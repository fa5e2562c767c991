// The brokers watched before (features/watchBroker/remembered.ts): newest first, once each, no passwords.
import * as assert from 'node:assert/strict';
import { targetOf } from '../../../../src/features/watchBroker/draft';
import { readRemembered, remember, MAX_REMEMBERED } from '../../../../src/features/watchBroker/remembered';
import { targetKey } from '../../../../src/features/watchBroker/target';

describe('features/watchBroker/remembered: the brokers watched before', () => {
  it('remembers brokers newest first, once each, without passwords, and reads a stored list defensively', () => {
    const a = targetOf({ kind: 'mosquitto', url: 'mqtt://a:1883', user: 'u' })!;
    const b = targetOf({ kind: 'mosquitto', url: 'mqtt://b:1883' })!;
    const list = remember(remember(remember([], a), b), a);
    assert.deepEqual(list, [a, b]);
    assert.notEqual(targetKey(a), targetKey({ ...a, user: 'v' }));
    assert.deepEqual(readRemembered(JSON.parse(JSON.stringify(list))), list);
    assert.deepEqual(
      readRemembered([
        7,
        null,
        { kind: 'mosquitto', url: 'mqtt://u:p@x:1' },
        { kind: 'rabbitmq', managementUrl: 'http://h' },
        a,
        a,
      ]),
      [a],
    );
    assert.deepEqual(readRemembered('x'), []);
    const many = Array.from({ length: 30 }, (_, i) => ({ kind: 'mosquitto', url: `mqtt://h${i}:1883` }));
    assert.equal(readRemembered(many).length, MAX_REMEMBERED);
  });
});
