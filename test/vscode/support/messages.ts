// What the extension asked VS Code to show in a notification or dialog: window.show*Message is
// replaced for the time of a test (the extension and its tests share one `vscode` API object in
// the extension host), every call is recorded, and a modal is answered by `answer`.
import * as vscode from 'vscode';
import { waitFor } from '../../support/waitFor';

export type Level = 'info' | 'warning' | 'error';

export interface Shown {
  readonly level: Level;
  readonly text: string;
  readonly modal: boolean;
  /** The options' detail (a modal's second paragraph). */
  readonly detail?: string;
  readonly actions: readonly string[];
}

const METHODS = { info: 'showInformationMessage', warning: 'showWarningMessage', error: 'showErrorMessage' } as const;

type Show = (message: string, ...rest: unknown[]) => Thenable<unknown>;

export interface MessageCapture {
  readonly shown: Shown[];
  /** Which action to take for a message (undefined: dismissed). Default: dismiss everything. */
  answer: (message: Shown) => string | undefined;
  /** Resolves with the first message recorded from now on (or already recorded) that `match` accepts. */
  next(what: string, match: (message: Shown) => boolean): Promise<Shown>;
  restore(): void;
}

export function captureMessages(): MessageCapture {
  const window = vscode.window as unknown as Record<string, Show>;
  const originals = Object.fromEntries(Object.values(METHODS).map((m) => [m, window[m]]));
  const capture: MessageCapture = {
    shown: [],
    answer: () => undefined,
    next: (what, match) => waitFor(what, () => capture.shown.find(match), { timeoutMs: 15_000 }),
    restore: () => Object.assign(window, originals),
  };
  for (const [level, method] of Object.entries(METHODS) as [Level, string][]) {
    window[method] = (message: string, ...rest: unknown[]) => {
      const options = typeof rest[0] === 'object' && rest[0] !== null && !('title' in rest[0]) ? rest[0] : undefined;
      const items = (options ? rest.slice(1) : rest).map((i) => (typeof i === 'string' ? i : String(i)));
      const o = options as vscode.MessageOptions | undefined;
      const shown: Shown = { level, text: message, modal: o?.modal === true, detail: o?.detail, actions: items };
      capture.shown.push(shown);
      return Promise.resolve(capture.answer(shown));
    };
  }
  return capture;
}
