// What the tests of client ids in code share: a document shown in an editor (the providers read
// only documents on screen), and the lenses, hovers and links of it as VS Code's own commands
// return them (the same requests the editor makes).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from '../../../support/waitFor';

const dirs: string[] = [];

/** A file with `text` in a new temporary folder, open in an editor. */
export async function showFile(name: string, text: string): Promise<vscode.TextEditor> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-ids-'));
  dirs.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(document, { preview: false });
}

export async function closeFiles(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** The lenses of the document, resolved, as `line: title` with their commands. */
export async function lenses(
  document: vscode.TextDocument,
): Promise<{ line: number; title: string; command: vscode.Command }[]> {
  const found =
    (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 1000)) ??
    [];
  // By line, each status lens before its Timeline (VS Code does not keep the provider's order).
  const rank = (c: vscode.Command) => (c.command === 'iotConnectivity.showTimeline' ? 1 : 0);
  return found
    .filter((l) => l.command)
    .map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '', command: l.command as vscode.Command }))
    .sort((a, b) => a.line - b.line || rank(a.command) - rank(b.command));
}

/** Polls the lenses until `check` holds for their titles. */
export function lensesWhen(
  document: vscode.TextDocument,
  what: string,
  check: (titles: string[]) => boolean,
  timeoutMs = 15_000,
): Promise<string[]> {
  return waitFor(
    what,
    async () => {
      const titles = (await lenses(document)).map((l) => l.title);
      return check(titles) ? titles : undefined;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

/** The hovers at the first occurrence of `text` (inside it), as their Markdown values. */
export async function hoverAt(
  document: vscode.TextDocument,
  text: string,
): Promise<{ value: string; trusted: unknown; range?: vscode.Range }[]> {
  const offset = document.getText().indexOf(text);
  if (offset < 0) throw new Error(`"${text.slice(0, 40)}" is not in the document`);
  const position = document.positionAt(offset + Math.min(2, text.length));
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  return hovers.flatMap((h) =>
    h.contents.map((c) => ({
      value: typeof c === 'string' ? c : c.value,
      trusted: (c as vscode.MarkdownString).isTrusted,
      range: h.range,
    })),
  );
}

export async function links(document: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
  return (
    (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri)) ?? []
  );
}

/** The command and arguments of a `command:` URI, as VS Code runs it. */
export function commandOf(uri: string): { command: string; args: unknown[] } {
  const [head, query = ''] = uri.split('?');
  return { command: head.replace(/^command:/, ''), args: JSON.parse(decodeURIComponent(query || '[]')) as unknown[] };
}

/** The `command:` links of a hover's Markdown. */
export function hoverLinks(markdown: string): { label: string; command: string; args: unknown[] }[] {
  return [...markdown.matchAll(/\[([^\]]*)\]\((command:[^)]*)\)/g)].map((m) => ({ label: m[1], ...commandOf(m[2]) }));
}
