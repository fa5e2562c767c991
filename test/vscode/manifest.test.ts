// The package.json lint's half that needs VS Code: every contributed command (and every id the
// code declares) is registered once the extension is active.
import * as assert from 'assert';
import * as vscode from 'vscode';
import manifest from '../../package.json';
import { Command } from '../../src/shared/commands';
import { extensionApi } from './views/clients/fixture';

describe('Clients view: contributions are live', () => {
  it('registers every contributed command and every command id the code declares', async () => {
    await extensionApi();
    const registered = new Set(await vscode.commands.getCommands(true));
    const wanted = [...manifest.contributes.commands.map((c) => c.command), ...Object.values(Command)];
    assert.deepStrictEqual(
      wanted.filter((id) => !registered.has(id)),
      [],
    );
  });
});
