// The workbench URL of code-server. Extension development and tests paths can only be handed
// over in the `payload` query, and only as vscode-remote:// URIs of the server's file system:
// file URIs open a development host that never loads the extension.
import * as path from 'path';
import { pathToFileURL } from 'url';

export interface WorkbenchUrlOptions {
  /** http://127.0.0.1:PORT of the running code-server. */
  origin: string;
  /** Folder to open, or a `.code-workspace` file (a multi-root workspace); none opens an empty window. */
  folder?: string;
  extensionDevelopmentPaths?: string[];
  extensionTestsPath?: string;
}

export function remoteUri(origin: string, absPath: string): string {
  const { host } = new URL(origin);
  // pathToFileURL percent-encodes the path the way URIs need it (spaces, #, %, non-ASCII).
  return `vscode-remote://${host}${pathToFileURL(path.resolve(absPath)).pathname}`;
}

export function workbenchUrl(o: WorkbenchUrlOptions): string {
  const url = new URL('/', o.origin);
  if (o.folder) {
    url.searchParams.set(o.folder.endsWith('.code-workspace') ? 'workspace' : 'folder', path.resolve(o.folder));
  } else url.searchParams.set('ew', 'true');
  const payload: [string, string][] = [];
  for (const dev of o.extensionDevelopmentPaths ?? []) {
    payload.push(['extensionDevelopmentPath', remoteUri(o.origin, dev)]);
  }
  if (o.extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(o.origin, o.extensionTestsPath)]);
  if (payload.length > 0) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}
