// The command map is a compile-time contract: `npm run typecheck` (part of `npm test`) checks the
// lines marked as expected errors below, and fails if a wrong argument, a wrong result or a missing handler
// ever compiles. The run-time test only proves the right calls go through with what they were given.
import * as assert from 'assert';
import {
  Command,
  type CommandArgs,
  type CommandHandlers,
  type CommandId,
  type CommandResult,
} from '../../../src/shared/commands';

const calls: unknown[][] = [];
/** Typed as vscode/commands.ts's executeCommand is, without VS Code. */
function execute<K extends CommandId>(id: K, ...args: CommandArgs<K>): void {
  calls.push([id, ...args]);
}

function wrongCallsDoNotCompile(): void {
  // @ts-expect-error a platform name is a string, not a query
  execute(Command.selectPlatform, { where: 1 });
  // @ts-expect-error Show Log takes no argument
  execute(Command.showLog, 'x');
  // @ts-expect-error Show Details needs the client
  execute(Command.showDetails);
  // @ts-expect-error Stop Local Sandbox answers whether it stopped one, not a string
  const stopped: CommandResult<typeof Command.stopLocalSandbox> = 'yes';
  void stopped;
  // @ts-expect-error every command needs its handler in the one table
  const handlers: CommandHandlers = { [Command.showLog]: () => undefined };
  void handlers;
}

describe('shared/commands: one typed map of every command', () => {
  it('lets the right arguments through, as given', () => {
    execute(Command.selectPlatform, 'sandbox');
    execute(Command.pinClient, 'd:org:type:id');
    execute(Command.showLog);
    assert.deepStrictEqual(calls, [
      [Command.selectPlatform, 'sandbox'],
      [Command.pinClient, 'd:org:type:id'],
      [Command.showLog],
    ]);
    assert.strictEqual(typeof wrongCallsDoNotCompile, 'function');
  });
});
