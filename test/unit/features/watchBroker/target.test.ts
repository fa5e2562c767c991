// The broker "Watch a Broker…" observes (features/watchBroker/target.ts): URLs checked without credentials, the
// server's command line with them (percent-encoded), and the same line as it may be logged.
import * as assert from 'node:assert/strict';
import { targetOf } from '../../../../src/features/watchBroker/draft';
import {
  loggableArgs,
  observerArgs,
  platformNameOf,
  urlProblem,
  withCredentials,
} from '../../../../src/features/watchBroker/target';
import { HOSTILE_STRINGS } from '../../core/hostile';

describe('features/watchBroker: the broker and the command line', () => {
  it('checks URLs by field, and keeps credentials out of them', () => {
    assert.equal(urlProblem('mosquitto', 'mqtt://localhost:1883'), undefined);
    assert.equal(urlProblem('mosquitto', ' mqtts://broker.example:8883/ '), undefined);
    assert.equal(urlProblem('mosquitto', 'http://localhost:1883'), 'scheme');
    assert.equal(urlProblem('mosquitto', 'mqtt://u:p@localhost:1883'), 'credentials');
    assert.equal(urlProblem('mosquitto', 'mqtt://localhost:1883/x'), 'path');
    assert.equal(urlProblem('management', 'http://localhost:15672/rabbit'), undefined, 'behind a proxy path');
    assert.equal(urlProblem('amqp', 'amqp://'), 'noHost');
    assert.equal(urlProblem('amqp', 'not a url'), 'notUrl');
    assert.equal(urlProblem('amqp', 'localhost:5672'), 'scheme');
    for (const s of HOSTILE_STRINGS) assert.notEqual(urlProblem('mosquitto', s), undefined);
  });

  it('puts the credentials into the URLs of the command line, percent-encoded, and never into the logged one', () => {
    const password = 'p@ss:w/rd #1%';
    const mosquitto = targetOf({
      kind: 'mosquitto',
      url: 'mqtts://127.0.0.1:8883/',
      user: 'al ice',
      caFile: '/ca.pem',
    });
    assert.ok(mosquitto);
    const args = observerArgs(mosquitto, password, '/data');
    assert.deepEqual(args.slice(0, 8), [
      '--http-port',
      '0',
      '--mqtt-port',
      '0',
      '--ws-port',
      '0',
      '--data-dir',
      '/data',
    ]);
    const url = new URL(args[9]);
    assert.deepEqual(
      [args[8], decodeURIComponent(url.username), decodeURIComponent(url.password)],
      ['--observe-mosquitto', 'al ice', password],
    );
    assert.deepEqual(args.slice(10), ['--observe-ca', '/ca.pem']);
    const logged = loggableArgs(args).join(' ');
    assert.ok(!logged.includes('p%40ss') && !logged.includes('al%20ice'), logged);
    assert.match(logged, /--observe-mosquitto mqtts:\/\/…@127\.0\.0\.1:8883/);
    const rabbit = targetOf({
      kind: 'rabbitmq',
      managementUrl: 'http://127.0.0.1:15672',
      amqpUrl: 'amqp://127.0.0.1:5672',
      user: 'watcher',
    });
    assert.ok(rabbit);
    const r = observerArgs(rabbit, 'pw', '/d');
    assert.deepEqual(r.slice(8), [
      '--observe-rabbitmq',
      'http://watcher:pw@127.0.0.1:15672',
      '--observe-amqp',
      'amqp://watcher:pw@127.0.0.1:5672',
    ]);
    assert.equal(withCredentials('mqtt://h:1', undefined, 'ignored'), 'mqtt://h:1');
    assert.equal(platformNameOf(rabbit), 'RabbitMQ 127.0.0.1:15672');
  });
});
