// Watching again after VS Code restarted (no `vscode` import; unit-tested): which broker's server the active
// platform was, where that server keeps its data, whether the platform is that server's (its data dir keeps the
// platform's API key: features/localSandbox/keptToken.ts), whether it answers already (another window runs it), and
// the server's own words when it cannot start. Everything read here was written by the extension itself: the
// platform settings are user-scope only (vscode/settings.ts), the brokers and passwords are in global state and
// secret storage; a workspace cannot point a stored password anywhere.
import * as path from 'path';
import { findKeptToken, type KeptToken } from '../localSandbox/keptToken';
import type { PlatformConfig } from '../platforms/config';
import { PlatformRestClient } from '../../platform/rest/client';
import { platformNameOf, targetKey, type BrokerTarget } from './target';

/** How long a server that may already run (in another window) has to answer. */
const ANSWER_MS = 3000;

/** One data directory per broker and user under global storage: the history of every start. */
export function observeDataDir(storageDir: string, target: BrokerTarget): string {
  return path.join(storageDir, 'observe', targetKey(target));
}

/**
 * The broker the platform named `platformName` watched: the newest remembered target of that name (each start puts
 * its target first, and saves the platform under its name).
 */
export function watchedTargetOf(
  platformName: string | undefined,
  remembered: readonly BrokerTarget[],
): BrokerTarget | undefined {
  return platformName === undefined ? undefined : remembered.find((t) => platformNameOf(t) === platformName);
}

/** The token the server keeps in `dataDir` when `config` is that server's platform (same API key, loopback URLs). */
export function keptTokenOf(dataDir: string, config: PlatformConfig): Promise<KeptToken | undefined> {
  return findKeptToken([dataDir], { apiUrl: config.apiUrl, mqttUrl: config.mqttUrl, apiKey: config.apiKey });
}

/** Whether the server at the platform's URL answers with its token (another window of this machine runs it). */
export async function serverAnswers(config: PlatformConfig, token: string): Promise<boolean> {
  if (config.apiUrl === undefined) return false;
  const rest = new PlatformRestClient({
    apiUrl: config.apiUrl,
    apiKey: config.apiKey,
    apiToken: token,
    timeoutMs: ANSWER_MS,
    maxRetries: 0,
  });
  try {
    await rest.getSource(AbortSignal.timeout(ANSWER_MS));
    return true;
  } catch {
    return false;
  } finally {
    rest.dispose();
  }
}

const CANNOT_START = /\bcannot start: (.+)$/;

/**
 * What the server said when it could not start: its `cannot start: …` line (src/server/cli.ts) out of the error of
 * features/localSandbox/child.ts, else that error's first line. Untrusted text: the caller makes it plain.
 */
export function serverWords(message: string): string {
  const lines = message.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = CANNOT_START.exec(lines[i]);
    if (m) return m[1];
  }
  return lines[0] ?? '';
}
