// The CLI's options: defaults, every option, and clear errors.

import * as assert from 'node:assert/strict';
import { HELP, parseCliArgs } from '../../../src/server/cliArgs';
import { DEFAULT_PORTS, SandboxOptionError, type SandboxOptions } from '../../../src/server/options';
import { DEFAULT_AUTH_LIMITS } from '../../../src/server/authLimit';

function run(argv: string[]): SandboxOptions {
  const c = parseCliArgs(argv);
  assert.equal(c.kind, 'run');
  return (c as { options: SandboxOptions }).options;
}

describe('sandbox CLI: options', () => {
  it('has defaults: a 6-character org, 127.0.0.1, fixed ports, no TLS, memory only', () => {
    const o = run([]);
    assert.match(o.org, /^[A-Za-z0-9]{6}$/);
    assert.equal(o.host, '127.0.0.1');
    assert.deepEqual(o.ports, DEFAULT_PORTS);
    assert.equal(o.tls, false);
    assert.equal(o.dataDir, undefined);
    assert.equal(o.simulate, undefined);
    assert.equal(o.rateLimit, undefined);
    assert.equal(o.stateLagMs, 0);
    assert.equal(o.connectTimeoutMs, 30_000);
  });

  it('reads every option', () => {
    const o = run([
      '--org',
      'abc123',
      '--host',
      '0.0.0.0',
      '--mqtt-port',
      '1',
      '--mqtts-port',
      '2',
      '--ws-port',
      '3',
      '--wss-port',
      '4',
      '--http-port',
      '5',
      '--https-port',
      '0',
      '--tls',
      '--data-dir',
      '/tmp/x',
      '--api-key',
      'a-abc123-0123456789',
      '--api-token',
      'secret-token',
      '--simulate',
      '200',
      '--seed',
      '7',
      '--rate-limit',
      '2.5',
      '--state-lag-ms',
      '250',
      '--connect-timeout-ms',
      '5000',
    ]);
    assert.deepEqual(o, {
      org: 'abc123',
      host: '0.0.0.0',
      ports: { mqtt: 1, mqtts: 2, ws: 3, wss: 4, http: 5, https: 0 },
      tls: true,
      certFile: undefined,
      keyFile: undefined,
      dataDir: '/tmp/x',
      apiKey: 'a-abc123-0123456789',
      apiToken: 'secret-token',
      simulate: { clients: 200, seed: 7 },
      rateLimit: 2.5,
      authLimits: DEFAULT_AUTH_LIMITS,
      stateLagMs: 250,
      connectTimeoutMs: 5000,
    });
  });

  it('takes the org from --api-key when --org is not given; --cert/--key imply --tls', () => {
    assert.equal(run(['--api-key', 'a-zzz999-0123456789', '--api-token', 'secret-token']).org, 'zzz999');
    const o = run(['--cert', 'c.pem', '--key', 'k.pem']);
    assert.equal(o.tls, true);
    assert.equal(o.certFile, 'c.pem');
  });

  it('answers --help and -h', () => {
    assert.deepEqual(parseCliArgs(['--help']), { kind: 'help' });
    assert.deepEqual(parseCliArgs(['-h']), { kind: 'help' });
  });

  it('documents every option in --help', () => {
    for (const option of [
      '--org',
      '--host',
      '--mqtt-port',
      '--mqtts-port',
      '--ws-port',
      '--wss-port',
      '--http-port',
      '--https-port',
      '--tls',
      '--cert',
      '--key',
      '--data-dir',
      '--api-key',
      '--api-token',
      '--simulate',
      '--seed',
      '--rate-limit',
      '--state-lag-ms',
      '--connect-timeout-ms',
      '--help',
    ]) {
      assert.ok(HELP.includes(option), option);
    }
  });

  const wrong: [string[], RegExp][] = [
    [['--bogus'], /Unknown option '--bogus'/],
    [['stray'], /stray/],
    [['--org', 'toolong7'], /--org must be 6/],
    [['--org', '<b>x'], /--org must be 6/],
    [['--mqtt-port', '65536'], /--mqtt-port must be an integer from 0 to 65535/],
    [['--http-port', 'eighty'], /--http-port must be an integer/],
    [['--ws-port=-1'], /--ws-port must be an integer from 0/],
    [['--ws-port', '-1'], /ambiguous/],
    [['--api-key', 'a-sandbx-0123456789'], /--api-key and --api-token go together/],
    [['--api-key', 'key', '--api-token', 'secret-token'], /--api-key must look like/],
    [
      ['--org', 'abc123', '--api-key', 'a-zzz999-0123456789', '--api-token', 'secret-token'],
      /belongs to organization zzz999/,
    ],
    [['--cert', 'c.pem'], /--cert and --key go together/],
    [['--simulate', '0'], /--simulate must be an integer from 1/],
    [['--simulate', 'many'], /--simulate must be an integer/],
    [['--seed', '3'], /--seed goes with --simulate/],
    [['--rate-limit', '0'], /--rate-limit must be a positive number/],
    [['--rate-limit', '1e3'], /--rate-limit must be a number/],
    [['--state-lag-ms', '1.5'], /--state-lag-ms must be an integer/],
    [['--state-lag-ms', '999999999'], /--state-lag-ms must be an integer from 0 to/],
    [['--connect-timeout-ms', '0'], /--connect-timeout-ms must be an integer from 1 to 600000/],
    [['--org'], /argument missing/],
  ];
  for (const [argv, message] of wrong) {
    it(`refuses ${argv.join(' ')}`, () => {
      assert.throws(
        () => parseCliArgs(argv),
        (err: unknown) => err instanceof SandboxOptionError && message.test(err.message),
      );
    });
  }
});
