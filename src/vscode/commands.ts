// Registering and running the extension's commands (src/shared/commands.ts) with their types:
// every handler runs through the one error wrapper, and a wrong argument from the extension's own
// code is a compile error. Arguments from outside still reach the handlers as `unknown`.
import * as vscode from 'vscode';
import type { CommandArgs, CommandHandlers, CommandId, CommandResult } from '../shared/commands';
import { runWithErrorHandling } from './errorHandling';
import type { Log } from './log';
import { DisposableStore } from '../platform/events';

/** Registers every command of the extension; disposing the result unregisters them, last first. */
export function registerCommands(log: Log, handlers: CommandHandlers): vscode.Disposable {
  const registrations = new DisposableStore();
  for (const id of Object.keys(handlers) as CommandId[]) {
    registrations.add(
      vscode.commands.registerCommand(
        id,
        runWithErrorHandling(log, id, handlers[id] as (...args: unknown[]) => unknown),
      ),
    );
  }
  return registrations;
}

/** Runs one of the extension's commands through VS Code (so walkthroughs and the log see it). */
export function executeCommand<K extends CommandId>(
  id: K,
  ...args: CommandArgs<K>
): Thenable<Awaited<CommandResult<K>> | undefined> {
  return vscode.commands.executeCommand<Awaited<CommandResult<K>> | undefined>(id, ...args);
}
