// The fleet as the sandbox runs it: `node dist/sandbox.js --simulate 20 --seed 1` serves a living
// fleet from its first ready line, and closing a sandbox stops the fleet before the broker tells
// everyone 93.

import * as assert from 'node:assert/strict';
import type { ClientStateList, ClientStateWire } from '../../../../../../src/core/clientState';
import type { ConnectionLogEntry } from '../../../../../../src/core/connectionLog';
import { startSandbox } from '../../../../../../src/server';
import type { ReadyInfo } from '../../../../../../src/core/readyInfo';
import { memoryLogger } from '../../../../../../src/server/log';
import { DEFAULT_ORG } from '../../../../../../src/server/options';
import { startFleet, type FleetHandle } from '../../../../../../src/server/sources/sandbox/simulator';
import { planFleet } from '../../../../../../src/server/sources/sandbox/simulator/plan';
import { FLEET_TABLE } from '../../../../../../src/server/sources/sandbox/simulator/table';
import { killIfRunning, restCall, spawnSandbox, type SandboxProcess } from '../../../process';
import { FAST } from './fastTable';

async function get<T>(ready: ReadyInfo, route: string): Promise<T> {
  const res = await restCall(ready, route);
  assert.equal(res.status, 200, route);
  return res.body as T;
}

describe('simulator: run by the sandbox', function () {
  describe('node dist/sandbox.js --simulate 20 --seed 1', () => {
    let running: SandboxProcess | undefined;
    afterEach(() => killIfRunning(running));

    it(
      "prints the ready line with a living fleet behind it: the seed's devices, connected and disconnected clients, " +
        'logs',
      async () => {
        running = spawnSandbox([
          '--simulate',
          '20',
          '--seed',
          '1',
          '--mqtt-port',
          '0',
          '--ws-port',
          '0',
          '--http-port',
          '0',
        ]);
        const ready = await running.ready;
        // The same seed plans the same fleet in this process as in the sandbox's.
        const plan = planFleet(DEFAULT_ORG, 20, 1, FLEET_TABLE);
        const types = await get<{ results: { id: string }[] }>(ready, '/device/types?_limit=100');
        for (const type of new Set(plan.devices.map((d) => d.type.id))) {
          assert.ok(
            types.results.some((t) => t.id === type),
            type,
          );
        }
        for (const d of plan.devices) await get(ready, `/device/types/${d.type.id}/devices/${d.deviceId}`);

        const connected = await get<ClientStateList>(
          ready,
          '/clientconnectionstates?connectionStatus=connected&_limit=100',
        );
        const disconnected = await get<ClientStateList>(
          ready,
          '/clientconnectionstates?connectionStatus=disconnected&_limit=100',
        );
        const planned = new Set(plan.clients.map((c) => c.clientId));
        assert.ok(
          connected.results.length >= 5 && connected.results.every((s) => planned.has(s.id)),
          `connected: ${connected.results.map((s) => s.id).join(' ')}`,
        );
        assert.ok(disconnected.results.length >= 2, `disconnected: ${disconnected.results.map((s) => s.id).join(' ')}`);
        const bad = plan.devices.find((d) => d.role === 'badToken');
        assert.equal((await get<ClientStateWire>(ready, `/clientconnectionstates/${bad?.clientId}`)).closeCode, 180);
        const steady = plan.devices.find((d) => d.role === 'steady');
        const log = await get<ConnectionLogEntry[]>(
          ready,
          `/logs/connection?typeId=${steady?.type.id}&deviceId=${steady?.deviceId}`,
        );
        assert.ok(log.length >= 2, JSON.stringify(log));

        running.child.kill('SIGTERM');
        assert.equal(await running.exit, 0);
        assert.match(running.stderr, /simulated fleet of 20 client\(s\): 2 application\(s\), 18 device\(s\)/);
        assert.doesNotMatch(running.stderr, /warn \[sandbox\/fleet\]/);
        assert.equal(running.stdout.trim().split('\n').length, 1, 'stdout carries only the ready line');
      },
    );
  });

  it('stops the fleet before the broker closes, so the broker tells its connected clients 93', async () => {
    const steps: string[] = [];
    let fleet: FleetHandle | undefined;
    const sandbox = await startSandbox(
      { org: 'fleet2', ports: { mqtt: 0, ws: 0, http: 0 }, simulate: { clients: 20, seed: 4 }, log: memoryLogger() },
      {
        startFleet: async (context) => {
          const f = (fleet = await startFleet(context, { table: FAST }));
          const connected = () =>
            [...context.store.allStates()].filter((s) => s.connectionStatus === 'connected').length;
          return {
            stop: () => {
              steps.push(`stop with ${connected() > 0 ? 'clients connected' : 'nobody connected'}`);
              f.stop();
            },
            close: async () => {
              steps.push(`close with ${connected() > 0 ? 'clients connected' : 'nobody connected'}`);
              await f.close();
            },
          };
        },
      },
    );
    const wasOn = [...sandbox.store.allStates()].filter((s) => s.connectionStatus === 'connected').map((s) => s.id);
    assert.ok(wasOn.length > 0);
    await sandbox.close();
    assert.deepEqual(steps, ['stop with clients connected', 'close with nobody connected']);
    assert.ok(fleet);
    // Whoever was connected at the end was closed by the shutdown (or earlier by its own behaviour).
    const ends = [...sandbox.store.allStates()].filter((s) => wasOn.includes(s.id)).map((s) => s.closeCode);
    assert.ok(ends.includes(93), `close codes: ${ends.join(' ')}`);
  });
});
