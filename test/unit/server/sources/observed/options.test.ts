import * as assert from 'node:assert/strict';
import { parseCliArgs } from '../../../../../src/server/cliArgs';
import type { SandboxOptions } from '../../../../../src/server/options';
import { brokerUrl } from '../../../../../src/server/sources/observed/options';

function observeOf(argv: string[]): SandboxOptions['observe'] {
  const c = parseCliArgs(argv);
  assert.equal(c.kind, 'run');
  return (c as { options: SandboxOptions }).options.observe;
}

function refusal(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('server options: what to observe (platform-contract.md §7)', () => {
  it('reads a Mosquitto URL, plain or TLS with a CA file', () => {
    assert.deepEqual(observeOf(['--observe-mosquitto', 'mqtt://u:p@broker:1883']), {
      kind: 'mosquitto',
      url: 'mqtt://u:p@broker:1883',
    });
    assert.deepEqual(observeOf(['--observe-mosquitto', 'mqtts://broker', '--observe-ca', __filename]), {
      kind: 'mosquitto',
      url: 'mqtts://broker',
      caFile: __filename,
    });
  });

  it('reads RabbitMQ as the management API and AMQP; AMQP without credentials takes the management ones', () => {
    assert.deepEqual(
      observeOf(['--observe-rabbitmq', 'http://admin:pw@rabbit:15672', '--observe-amqp', 'amqp://rabbit:5672']),
      { kind: 'rabbitmq', managementUrl: 'http://admin:pw@rabbit:15672', amqpUrl: 'amqp://admin:pw@rabbit:5672' },
    );
  });

  it('refuses what does not go together or is not a URL of its kind, never echoing a password', () => {
    const cases: [string[], RegExp][] = [
      [['--observe-mosquitto', 'http://u:sekret@h'], /must start with mqtt:\/\/ or mqtts:\/\/ \(http:\/\/h does not\)/],
      [['--observe-mosquitto', 'not a url sekret'], /must be a URL such as mqtt:\/\//],
      [['--observe-mosquitto', 'mqtt://h', '--observe-rabbitmq', 'http://a:b@h'], /not both/],
      [
        ['--observe-rabbitmq', 'http://h:15672', '--observe-amqp', 'amqp://h'],
        /needs the management user and password/,
      ],
      [['--observe-rabbitmq', 'http://a:sekret@h:15672'], /needs --observe-amqp/],
      [['--observe-amqp', 'amqp://h'], /goes with --observe-rabbitmq/],
      [['--observe-ca', __filename], /goes with --observe-mosquitto or --observe-rabbitmq/],
      [['--observe-mosquitto', 'mqtt://h', '--observe-ca', __filename], /goes with an mqtts:\/\/ URL/],
      [['--observe-mosquitto', 'mqtts://h', '--observe-ca', '/no/such/ca.pem'], /no such file/],
      [['--observe-mosquitto', 'mqtt://h', '--simulate', '3'], /--simulate runs a simulated fleet/],
    ];
    for (const [argv, message] of cases) {
      const m = refusal(argv);
      assert.match(m, message, argv.join(' '));
      assert.ok(!m.includes('sekret'), m);
    }
  });

  it('shows a URL without its user and password', () => {
    assert.equal(brokerUrl('mqtts://user:p%40ss@host:8883'), 'mqtts://host:8883');
    assert.equal(brokerUrl('http://admin:pw@[::1]:15672/'), 'http://[::1]:15672');
    assert.equal(brokerUrl('::garbage'), 'an invalid URL');
  });
});
