// VS Code cancels with a CancellationToken, the platform layer with an AbortSignal.
import * as vscode from 'vscode';
import { isPlatformError } from '../platform/errors';

/** An AbortSignal that aborts when `token` is cancelled; dispose() stops listening. */
export function signalOf(token: vscode.CancellationToken): { readonly signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const listener = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => listener.dispose() };
}

/** A person cancelled, or a newer request replaced this one: normal, not an error to show. */
export function isCancellation(error: unknown): boolean {
  if (isPlatformError(error, 'cancelled') || error instanceof vscode.CancellationError) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'Canceled';
}
