// What progress the extension shows: window.withProgress is replaced for the time of a test (as
// show*Message in messages.ts), each call recorded with its options, and its task run with a
// cancellation token the test controls, as the Cancel button of a progress notification would.
import * as vscode from 'vscode';

export interface ProgressShown {
  readonly title?: string;
  readonly location: unknown;
  readonly cancellable: boolean;
  /** Presses Cancel. */
  cancel(): void;
}

export interface ProgressCapture {
  readonly shown: ProgressShown[];
  restore(): void;
}

type WithProgress = typeof vscode.window.withProgress;

export function captureProgress(): ProgressCapture {
  const window = vscode.window as unknown as { withProgress: WithProgress };
  const original = window.withProgress;
  const shown: ProgressShown[] = [];
  window.withProgress = ((options, task) => {
    const source = new vscode.CancellationTokenSource();
    shown.push({
      title: options.title,
      location: options.location,
      cancellable: options.cancellable === true,
      cancel: () => source.cancel(),
    });
    return Promise.resolve(task({ report: () => undefined }, source.token)).finally(() => source.dispose());
  }) as WithProgress;
  return { shown, restore: () => void (window.withProgress = original) };
}
