// Watching Debian's real RabbitMQ (one node, MQTT plugin) from the extension host (platform-contract.md §7): the
// extension runs the bundled server observing it, as "Watch a Broker…" does through its service, and the Clients
// tree and a timeline follow a real mqtt.js client connected to RabbitMQ's MQTT port, then disconnecting.
import * as assert from 'assert';
import * as fs from 'fs';
import { connect, type MqttClient } from 'mqtt';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import { Command } from '../../../../src/shared/commands';
import type { ClientsNode } from '../../../../src/views/clients/node';
import { startRabbitNode, type StartedNode } from '../../../support/brokers/rabbitmq';
import { waitFor } from '../../../support/waitFor';
import { childrenOf, extensionApi, freshRoots, item, label, removeAllPlatforms, rootsWhen } from '../clients/fixture';

const RABBITMQ_SERVER = '/usr/sbin/rabbitmq-server';
// Not of the platform's form, with a slash and text beyond ASCII that RabbitMQ's event exchange prints quoted (they
// came out as U+FFFD before the source read them as text).
const SENSOR = 'rabbit-sensor/7 + é';
const PINNED = 'pinned/café #1';
/** A RabbitMQ node starts in 12–29 s on a busy 2-core machine (docs/brokers-observed.md). */
const WAIT_MS = 60_000;

describe('Watching a RabbitMQ in the extension host', function () {
  this.timeout(240_000);
  let api: IotConnectivityApi;
  let node: StartedNode;
  let sensor: MqttClient | undefined;
  let pinned: MqttClient | undefined;

  const rowOf = async (status: 'Connected' | 'Disconnected', id: string): Promise<ClientsNode | undefined> => {
    const g = (await freshRoots(api)).find((r) => label(r).startsWith(status));
    return g && (await childrenOf(api, g)).find((n) => label(n) === id);
  };

  /** The tree two levels deep, for a failure's message. */
  const treeText = async () => {
    const rows: string[] = [];
    for (const r of await freshRoots(api)) {
      rows.push(`${label(r)} [${String(item(r).description ?? '')}]`);
      for (const c of await childrenOf(api, r).catch(() => [])) rows.push(`  ${label(c)}`);
    }
    return rows.join('\n');
  };
  const rowWhen = (status: 'Connected' | 'Disconnected', id: string) =>
    waitFor(`${id} under ${status}`, () => rowOf(status, id), { timeoutMs: WAIT_MS }).catch(async (err: Error) => {
      throw new Error(`${err.message}; the tree:\n${await treeText()}`);
    });

  before(async () => {
    // Never skipped: CI installs it (.ci/run); a machine without it fails here and says so.
    if (!fs.existsSync(RABBITMQ_SERVER)) {
      throw new Error(
        `${RABBITMQ_SERVER} is not installed: this suite needs Debian's rabbitmq-server ` +
          '(apt-get install -y rabbitmq-server, as .ci/run does)',
      );
    }
    api = await extensionApi();
    await removeAllPlatforms(api);
    node = await startRabbitNode();
    await api.brokers.start(
      {
        kind: 'rabbitmq',
        managementUrl: node.managementUrl,
        amqpUrl: `amqp://127.0.0.1:${node.ports.amqp}`,
        user: node.admin.user,
      },
      node.admin.password,
    );
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const s of api?.watcher.service.snapshots() ?? []) {
      await vscode.commands.executeCommand(Command.unpinClient, s.clientId);
    }
    await sensor?.endAsync(true).catch(() => undefined);
    await pinned?.endAsync(true).catch(() => undefined);
    await api?.brokers.stopAll();
    if (api) await removeAllPlatforms(api);
    await node?.destroy();
  });

  it('shows the RabbitMQ node at the head of the tree, the watched server being the active platform', async () => {
    const status = await api.platforms.status();
    assert.strictEqual(status.kind, 'ready');
    const roots = await rootsWhen(
      api,
      'the RabbitMQ source row',
      (r) => r[0] !== undefined && /^RabbitMQ /.test(label(r[0])),
    );
    const rows = (await childrenOf(api, roots[0])).map(label);
    assert.ok(rows.includes(`Broker: ${node.managementUrl}`), rows.join(' | '));
    assert.ok(rows.includes(`Node: ${node.nodeName}`), rows.join(' | '));
  });

  it('shows a real mqtt.js client of RabbitMQ connected, then its disconnect in the tree and timeline', async () => {
    sensor = connect(node.mqttUrl, { clientId: SENSOR, reconnectPeriod: 0, keepalive: 30 });
    sensor.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => sensor?.once('connect', () => resolve()).once('close', reject));

    const row = await rowWhen('Connected', SENSOR);
    // Its node where the platform's clients show their kind.
    assert.ok(String(item(row).description).startsWith(`${node.nodeName} · active `), String(item(row).description));
    assert.ok(String(item(row).contextValue).startsWith('client;other;hasLog;connected'), item(row).contextValue);

    await vscode.commands.executeCommand('iotConnectivity.showTimeline', SENSOR);
    const snapshot = () => api.timeline.get(SENSOR)?.snapshot();
    await waitFor('the timeline read and live', () => snapshot()?.progress?.state === 'done' && snapshot()?.live, {
      timeoutMs: WAIT_MS,
    });
    assert.strictEqual(snapshot()?.status, 'connected');
    assert.ok(
      snapshot()?.events.some((e) => e.kind === 'connected' && e.clientId === SENSOR),
      JSON.stringify(snapshot()?.events),
    );

    // A clean DISCONNECT: RabbitMQ's connection.closed, its cause from the log line (0, by the client).
    await sensor.endAsync();
    await waitFor('the disconnect in the timeline, live', () => snapshot()?.status === 'disconnected', {
      timeoutMs: WAIT_MS,
    });
    const last = snapshot()?.events.at(-1);
    assert.ok(last?.kind === 'disconnected' && last.closeCode === 0 && last.cause === 'client', JSON.stringify(last));
    const gone = await rowWhen('Disconnected', SENSOR);
    assert.ok(String(item(gone).contextValue).startsWith('client;other;hasLog;disconnected'), item(gone).contextValue);
    assert.strictEqual(await rowOf('Connected', SENSOR), undefined);
  });

  it('pins a real client of RabbitMQ: the status bar follows its drop, live, with the cause', async () => {
    pinned = connect(node.mqttUrl, { clientId: PINNED, reconnectPeriod: 0, keepalive: 30 });
    pinned.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => pinned?.once('connect', () => resolve()).once('close', reject));
    const bar = () => api.watcher.statusBar.item;
    const tooltip = () => (bar().tooltip as vscode.MarkdownString | undefined)?.value ?? '';
    assert.strictEqual(await vscode.commands.executeCommand(Command.pinClient, PINNED), true);
    await waitFor('the pinned client connected', () => bar().text === '$(plug) 1/1', { timeoutMs: WAIT_MS });
    assert.deepStrictEqual(
      api.watcher.service.snapshots().map((s) => [s.clientId, s.status]),
      [[PINNED, 'connected']],
    );

    // The socket goes without a DISCONNECT: RabbitMQ logs "peer closed TCP connection", joined as 91, by the client.
    pinned.stream.destroy();
    await waitFor('the pinned client offline', () => bar().text === `$(debug-disconnect) 1 offline: ${PINNED}`, {
      timeoutMs: WAIT_MS,
    });
    const [snapshot] = api.watcher.service.snapshots();
    assert.strictEqual(snapshot?.status, 'disconnected');
    const last = snapshot.lastDisconnect;
    assert.ok(last?.closeCode === 91 && last.initiator === 'client' && last.cause === 'client', JSON.stringify(last));
    assert.strictEqual(last.source, 'monitor', 'told live, by its monitor topic');
    await waitFor('the tooltip to give the cause', () => /client\\?, code 91/.test(tooltip()), { timeoutMs: WAIT_MS });
  });
});
