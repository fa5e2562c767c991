// The words of the debugging loop (no `vscode` import): templates with `{0}` placeholders, which
// the views translate (vscode.l10n.t takes them as they are; every one has a pt-BR entry,
// test/unit/features/debug/l10n.test.ts) and `fill` puts together in English elsewhere (the log,
// the Debug Console). Numbers go in as numbers; untrusted text is made plain by the caller.

import type { Countdown } from './countdown';
import type { PausedDrop } from './pausedDrop';

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
  atBreakpoint: 'at a breakpoint',
  inDebugger: 'in the debugger',
  droppedPaused:
    '{0} was dropped: the program was paused {1} for {2} s, longer than its keep-alive allows ({3} s × {4})',
  droppedPausedNoKeepAlive: '{0} was dropped for silence (160): the program was paused {1} for {2} s',
  droppedResumed:
    '{0} was dropped {1} s after its program resumed: it was paused {2} for {3} s, longer than its keep-alive allows ' +
    '({4} s × {5})',
  droppedResumedNoKeepAlive:
    '{0} was dropped for silence (160) {1} s after its program resumed from a pause of {3} s {2}',
  consoleConnected: '[iot] {0} connected',
  consoleConnectedFrom: '[iot] {0} connected from {1}',
  consoleConnectedFromProcess: '[iot] {0} connected from {1} (process {2})',
  consoleDisconnected: '[iot] {0} disconnected',
  consoleDropped: '[iot] {0} dropped: {1} ({2})',
  consoleDroppedPaused: '[iot] {0} dropped: {1} ({2}) after {3} s paused',
  consoleHeld: '[iot] {0} keep-alive held while the program is paused',
  consoleReleased: '[iot] {0} keep-alive hold released',
  closed: 'closed',
} as const;

export type WordKey = keyof typeof WORDS;

/** A template with its arguments: the views translate it, the rest fills it in English. */
export interface Words {
  readonly template: string;
  /** Words among them are translated (or filled) first. */
  readonly args: readonly (string | number | Words)[];
}

export function words(key: WordKey, ...args: (string | number | Words)[]): Words {
  return { template: WORDS[key], args };
}

/** The English text of some words. */
export function fill(w: Words): string {
  return w.template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const a = w.args[Number(i)];
    return a === undefined ? m : typeof a === 'object' ? fill(a) : String(a);
  });
}

/** Why a session's client was dropped, in its context: `label` is its plain-text name. */
export function pausedDropWords(d: PausedDrop, label: string): Words {
  const where = words(d.atBreakpoint ? 'atBreakpoint' : 'inDebugger');
  const k = d.keepAliveSeconds;
  if (d.when === 'paused') {
    return k === undefined
      ? words('droppedPausedNoKeepAlive', label, where, d.pausedSeconds)
      : words('droppedPaused', label, where, d.pausedSeconds, k, d.factor);
  }
  const after = d.afterResumeSeconds ?? 0;
  return k === undefined
    ? words('droppedResumedNoKeepAlive', label, after, where, d.pausedSeconds)
    : words('droppedResumed', label, after, where, d.pausedSeconds, k, d.factor);
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
