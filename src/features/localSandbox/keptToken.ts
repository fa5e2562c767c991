// The token a local sandbox keeps in its data dir (api-key.json, written by the server with mode
// 600: src/server/credentials.ts), offered to a window that has none for it: a second browser on
// `npm start`'s URL, or one whose site data was cleared. Only for the same machine and user: the
// platform's URLs are loopback, the file is a regular file of this user that nobody else may read,
// and its API key is the platform's. Reading it offers; the person is asked before it is used.
import { promises as fs } from 'fs';
import * as path from 'path';
import { isLoopback } from '../../platform/proxy/bypass';

/** The data dir of the sandbox `npm start` runs (set in the environment of VS Code it opens). */
export const SANDBOX_DATA_ENV = 'IOTC_SANDBOX_DATA';
const CREDENTIALS_FILE = 'api-key.json';
const MAX_BYTES = 4096;

/** Where a platform's token may go, and the API key it must be for. */
export interface KeptTokenTarget {
  readonly apiUrl?: string;
  readonly mqttUrl?: string;
  readonly apiKey: string;
}

export interface KeptToken {
  readonly token: string;
  /** The file it was read from, to name in the question. */
  readonly file: string;
}

function onThisMachine(url: string | undefined): boolean {
  if (url === undefined) return true;
  try {
    return isLoopback(new URL(url).hostname.toLowerCase());
  } catch {
    return false;
  }
}

async function readOne(file: string, apiKey: string): Promise<KeptToken | undefined> {
  try {
    const stat = await fs.lstat(file);
    const mine = typeof process.getuid !== 'function' || stat.uid === process.getuid();
    if (!stat.isFile() || !mine || (stat.mode & 0o077) !== 0 || stat.size > MAX_BYTES) return undefined;
    const kept = JSON.parse(await fs.readFile(file, 'utf8')) as { apiKey?: unknown; apiToken?: unknown };
    return kept.apiKey === apiKey && typeof kept.apiToken === 'string' && kept.apiToken !== ''
      ? { token: kept.apiToken, file }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The kept token of the first data dir whose sandbox the platform is; undefined when none is. */
export async function findKeptToken(
  dataDirs: readonly string[],
  target: KeptTokenTarget,
): Promise<KeptToken | undefined> {
  if (target.apiUrl === undefined || !onThisMachine(target.apiUrl) || !onThisMachine(target.mqttUrl)) return undefined;
  for (const dir of dataDirs) {
    const found = await readOne(path.join(dir, CREDENTIALS_FILE), target.apiKey);
    if (found) return found;
  }
  return undefined;
}

/** The data dirs to look in: `npm start`'s (from the environment), then the given ones. */
export function sandboxDataDirs(own: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const fromStart = env[SANDBOX_DATA_ENV];
  return [...(fromStart && path.isAbsolute(fromStart) ? [fromStart] : []), ...own];
}
