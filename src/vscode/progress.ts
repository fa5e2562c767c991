// Progress for network work a person started: a cancellable notification whose Cancel aborts
// the request (the CancellationToken becomes the call's AbortSignal).
import * as vscode from 'vscode';
import { signalOf } from './cancellation';

export function withUserProgress<T>(
  title: string,
  task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (progress, token) => {
        const { signal, dispose } = signalOf(token);
        try {
          return await task(signal, (message) => progress.report({ message }));
        } finally {
          dispose();
        }
      },
    ),
  );
}
