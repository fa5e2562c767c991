// startSandbox(), what the CLI runs: the --simulate seam, given credentials, and a clean failure.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { startSandbox, type FleetContext } from '../../../src/server';
import { memoryLogger } from '../../../src/server/log';
import { connected } from '../../support/mqtt';
import { startTestSandbox } from '../../support/sandbox';

const FREE = { mqtt: 0, ws: 0, http: 0 };

describe('startSandbox', () => {
  it('hands --simulate to the fleet seam with the ready sandbox, and closes the fleet after the broker', async () => {
    const log = memoryLogger();
    const events: string[] = [];
    let seen: FleetContext | undefined;
    const sandbox = await startSandbox(
      { org: 'fleet1', ports: FREE, simulate: { clients: 3, seed: 42 }, log },
      {
        startFleet: async (context) => {
          seen = context;
          return {
            close: async () =>
              void events.push(
                `fleet closed; broker state of the probe: ${context.store.getState('a:fleet1:probe')?.closeCode}`,
              ),
          };
        },
      },
    );
    assert.equal(seen?.clients, 3);
    assert.equal(seen?.seed, 42);
    assert.equal(seen?.ready.mqttUrl, sandbox.ready.mqttUrl);
    const probe = await connected(
      (await import('mqtt')).connect(sandbox.ready.mqttUrl, {
        clientId: 'a:fleet1:probe',
        username: sandbox.ready.apiKey,
        password: sandbox.ready.apiToken,
        reconnectPeriod: 0,
      }),
    );
    probe.on('error', () => {});
    await sandbox.close();
    assert.deepEqual(events, ['fleet closed; broker state of the probe: 93']);
    await probe.endAsync(true);
  });

  it('says plainly that a build without a simulator starts no simulated clients', async () => {
    const t = await startTestSandbox({ simulate: { clients: 5 } });
    try {
      assert.ok(
        t.lines.some((l) => l.startsWith('warn') && l.includes('--simulate 5') && l.includes('no simulated clients')),
      );
    } finally {
      await t.close();
    }
  });

  it('accepts the API key and token it is given', async () => {
    const t = await startTestSandbox({ org: 'given1', apiKey: 'a-given1-0123456789', apiToken: 'a-given-token' });
    try {
      assert.equal(t.ready.apiKey, 'a-given1-0123456789');
      assert.equal(t.ready.apiToken, 'a-given-token');
      await connected(t.app('with-given-key'));
    } finally {
      await t.close();
    }
  });

  it('closes what it had started when a listener cannot start', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const taken = (holder.address() as net.AddressInfo).port;
    try {
      await assert.rejects(startSandbox({ ports: { ...FREE, http: taken }, log: memoryLogger() }), /in use|EADDRINUSE/);
      // The MQTT listener it had opened is closed again: its port can be bound at once... by
      // another sandbox on free ports, which would fail to start if anything were left over.
      const t = await startTestSandbox();
      await t.close();
    } finally {
      holder.close();
    }
  });

  it('with --tls and no data dir, keeps its generated CA while it runs and removes it on close', async () => {
    const sandbox = await startSandbox({
      tls: true,
      ports: { ...FREE, mqtts: 0, wss: 0, https: 0 },
      log: memoryLogger(),
    });
    const caFile = sandbox.ready.caFile;
    try {
      assert.ok(caFile && fs.existsSync(caFile), 'the CA file device code is told to trust');
    } finally {
      await sandbox.close();
    }
    assert.ok(!fs.existsSync(path.dirname(caFile)), `${path.dirname(caFile)} left behind`);
  });
});
