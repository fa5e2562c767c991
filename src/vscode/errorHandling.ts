// The one wrapper for everything a person starts (commands, tree actions): a failure is logged,
// shown with "Show Log", and never escapes; cancelling is normal and shows nothing.
import * as vscode from 'vscode';
import { plainText } from '../core/text';
import { isCancellation } from './cancellation';
import type { Log } from './log';
import { messageOf } from '../core/errors';

export function runWithErrorHandling<A extends unknown[], R>(
  log: Log,
  name: string,
  fn: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R | undefined> {
  const out = log.for('command');
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (isCancellation(error)) {
        out.debug(`${name} cancelled`);
        return undefined;
      }
      const message = log.redact(plainText(messageOf(error), 500));
      out.error(`${name} failed: ${message}`);
      const showLog = vscode.l10n.t('Show Log');
      void vscode.window.showErrorMessage(message, showLog).then((choice) => choice === showLog && log.show());
      return undefined;
    }
  };
}
