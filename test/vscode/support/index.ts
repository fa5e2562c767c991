// What extension-host tests share: the extension under test.
import * as vscode from 'vscode';
import manifest from '../../../package.json';

export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

export function ourExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  return extension;
}
