// The questions of "Watch a Broker…" (features/watchBroker/draft.ts): which, in order, as answers come.
import * as assert from 'node:assert/strict';
import { targetOf, watchSteps } from '../../../../src/features/watchBroker/draft';
import { usesTls } from '../../../../src/features/watchBroker/target';

describe('features/watchBroker/draft: the questions', () => {
  it('asks what each broker needs, the CA file only when a URL uses TLS', () => {
    assert.deepEqual(watchSteps({}), ['kind', 'url', 'user']);
    assert.deepEqual(watchSteps({ kind: 'mosquitto', url: 'mqtt://h:1883', user: 'alice' }), [
      'kind',
      'url',
      'user',
      'password',
    ]);
    assert.deepEqual(watchSteps({ kind: 'mosquitto', url: 'mqtts://h:8883' }), ['kind', 'url', 'user', 'ca']);
    const rabbit = { kind: 'rabbitmq' as const, managementUrl: 'https://h', amqpUrl: 'amqp://h:5672', user: 'u' };
    assert.deepEqual(watchSteps(rabbit), ['kind', 'managementUrl', 'amqpUrl', 'user', 'password', 'ca']);
    assert.equal(targetOf({ ...rabbit, user: '' }), undefined);
    assert.equal(usesTls(targetOf(rabbit)!), true);
  });
});
