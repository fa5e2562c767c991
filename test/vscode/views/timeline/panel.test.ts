// The connection timeline in a real extension host against the sandbox of this run: the command
// opens one panel per client, the loading pipeline fills it from the log, the state record and
// live monitor messages, and export writes files whose content is checked.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IotConnectivityApi } from '../../../../src/extension';
import type { TimelineSnapshot } from '../../../../src/shared/protocol';
import { waitFor } from '../../../support/waitFor';
import { sandboxAuthHeader } from '../../support/sandbox';
import { extensionApi, Fleet, ready, removeAllPlatforms, useSandbox } from '../clients/fixture';

const SHOW = 'iotConnectivity.showTimeline';

function timelineTabs(title: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.label === title);
}

async function adminDisconnect(clientId: string): Promise<void> {
  const r = ready();
  const response = await fetch(`${r.apiUrl}/sandbox/clients/${encodeURIComponent(clientId)}/disconnect`, {
    method: 'POST',
    headers: { authorization: sandboxAuthHeader(r) },
  });
  assert.strictEqual(response.status, 200);
}

function kinds(s: TimelineSnapshot): string[] {
  return s.events.map((e) => (e.kind === 'disconnected' ? `disconnected:${e.cause}` : e.kind));
}

describe('Connection timeline in a real extension host', function () {
  this.timeout(60_000);
  let api: IotConnectivityApi;
  const fleet = new Fleet('timeline');
  const clientId = () => fleet.clientId('dev-1');
  const snapshot = () => {
    const panel = api.timeline.get(clientId());
    assert.ok(panel, 'the timeline panel is open');
    return panel.snapshot();
  };
  const until = (what: string, check: (s: TimelineSnapshot) => boolean) =>
    waitFor(what, () => check(snapshot()), { timeoutMs: 15_000, intervalMs: 100 });

  before(async () => {
    api = await extensionApi();
    await removeAllPlatforms(api);
    await useSandbox(api);
    await fleet.register('dev-1');
    // A known history: connected, closed by an administrator (94), connected again.
    await fleet.connect('dev-1');
    await adminDisconnect(clientId());
    await fleet.stateIs('dev-1', 'disconnected');
    await fleet.connect('dev-1');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await fleet.close();
    await removeAllPlatforms(api);
  });

  it('opens one panel per client, titled with the device id, and reveals it when asked again', async () => {
    await vscode.commands.executeCommand(SHOW, clientId());
    await waitFor('the timeline tab', () => timelineTabs('Timeline: dev-1').length === 1);
    await vscode.commands.executeCommand(SHOW, clientId());
    assert.strictEqual(timelineTabs('Timeline: dev-1').length, 1, 'a second command reveals the same panel');
  });

  it('reads the whole log and the state record, and builds the sessions and causes from them', async () => {
    await until(
      'the log read to its end and the record read',
      (s) => s.progress?.state === 'done' && s.status === 'connected',
    );
    const s = snapshot();
    assert.strictEqual(s.subject.hasLog, true);
    assert.deepStrictEqual(
      kinds(s).filter((k) => k !== 'other'),
      ['connected', 'disconnected:server', 'connected'],
    );
    const closed = s.events.find((e) => e.kind === 'disconnected');
    assert.ok(closed && closed.kind === 'disconnected' && closed.closeCode === 94, 'the administrator close, code 94');
    assert.match(closed.explanation, /administrator/);
    assert.deepStrictEqual(
      s.notices.filter((n) => n.level !== 'info'),
      [],
    );
  });

  it('appends live monitor messages while open, without duplicating what the log has', async () => {
    await until('live monitor messages flowing', (s) => s.live);
    const before = snapshot().events.length;
    await adminDisconnect(clientId());
    await until('the live disconnect', (s) => s.events.length === before + 1 && s.status === 'disconnected');
    const last = snapshot().events.at(-1);
    assert.ok(last?.kind === 'disconnected' && last.cause === 'server');
    assert.ok(last.source === 'monitor' || last.alsoSeenIn?.includes('monitor'), `from ${last.source}`);
    await fleet.connect('dev-1');
    await until('the live reconnect', (s) => s.status === 'connected' && s.events.length === before + 2);
  });

  it('exports the events as CSV and JSON files', async () => {
    const panel = api.timeline.get(clientId());
    assert.ok(panel);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-timeline-'));
    try {
      const events = panel.snapshot().events;
      const csv = await panel.exportTo('csv', vscode.Uri.file(path.join(dir, 'dev-1.csv')));
      const lines = fs
        .readFileSync((csv as vscode.Uri).fsPath, 'utf8')
        .trimEnd()
        .split('\r\n');
      assert.strictEqual(lines[0].split(',')[0], 'time');
      assert.strictEqual(lines.length, events.length + 1);
      assert.ok(
        lines.some((l) => l.includes(',disconnected,server,94,server,152,')),
        lines.join('\n'),
      );
      const json = await panel.exportTo('json', vscode.Uri.file(path.join(dir, 'dev-1.json')));
      const doc = JSON.parse(fs.readFileSync((json as vscode.Uri).fsPath, 'utf8'));
      assert.strictEqual(doc.clientId, clientId());
      assert.strictEqual(doc.events.length, events.length);
      assert.match(doc.events[0].time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is among the actions "Show Client…" offers for a client', async () => {
    const state = await fleet.stateIs('dev-1', 'connected').then(() => api.platforms.status());
    assert.strictEqual(state.kind, 'ready');
    const record = await (state.kind === 'ready' ? state.platform.rest.getClientState(clientId()) : undefined);
    assert.ok(record);
    assert.ok(api.actions.for(record).some((a) => a.command === SHOW));
  });

  it('opens from a state record and says that an application has no log', async () => {
    const r = ready();
    const appId = `a:${r.org}:timeline-viewer`;
    await vscode.commands.executeCommand(SHOW, appId);
    await waitFor('the application timeline', () => api.timeline.get(appId) !== undefined);
    const s = api.timeline.get(appId)?.snapshot();
    assert.strictEqual(s?.subject.hasLog, false);
    assert.strictEqual(s?.notices.find((n) => n.id === 'noLog')?.kind, 'applicationHasNoLog');
  });
});
