// The words of the debugging loop (no `vscode` import): templates with `{0}` placeholders, which
// the views translate (vscode.l10n.t takes them as they are; every one has a pt-BR entry,
// test/unit/features/debug/l10n.test.ts) and `fill` puts together in English elsewhere (the log,
// the Debug Console). Numbers go in as numbers; untrusted text is made plain by the caller.

import type { Countdown } from './countdown';

export const WORDS = {
  dropsIn: 'drops in {0} s',
  dropsInAtMost: 'drops in at most {0} s',
  held: 'held',
  pausedFor: 'paused {0} s',
  noKeepAlive: 'paused; no keep-alive',
  droppedWhilePaused: 'dropped while paused',
  connected: 'connected',
  disconnected: 'disconnected',
  byProcess: 'process {0}',
  guess: 'guess',
  foundByProcess: 'Found by its process {0}, which holds the connection {1} the broker reports.',
  foundByGuess:
    'A guess: it connected from this machine while the session ran (the debugger named no process, or its ' +
    'connections could not be matched).',
} as const;

export type WordKey = keyof typeof WORDS;

/** A template with its arguments: the views translate it, the rest fills it in English. */
export interface Words {
  readonly template: string;
  readonly args: readonly (string | number)[];
}

export function words(key: WordKey, ...args: (string | number)[]): Words {
  return { template: WORDS[key], args };
}

/** The English text of some words. */
export function fill(w: Words): string {
  return w.template.replace(/\{(\d+)\}/g, (m, i: string) =>
    w.args[Number(i)] !== undefined ? String(w.args[Number(i)]) : m,
  );
}

/** A paused client's state in a few words: the countdown, held, or how long the pause has lasted. */
export function pauseWords(c: Countdown, connected: boolean): Words {
  if (!connected) return words('droppedWhilePaused');
  switch (c.kind) {
    case 'held':
      return words('held');
    case 'noKeepAlive':
      return words('noKeepAlive');
    case 'unknown':
      return words('pausedFor', c.pausedSeconds);
    case 'exact':
      return words('dropsIn', c.secondsLeft);
    case 'bound':
      return words('dropsInAtMost', c.secondsLeft);
  }
}
