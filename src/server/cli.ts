// `node dist/sandbox.js [options]`: starts the sandbox, prints the ready line on stdout, and on
// SIGINT/SIGTERM closes every client with 93 and exits 0.

import { HELP, parseCliArgs, type CliCommand } from './cliArgs';
import { startSandbox } from './index';
import { flushStderr, stderrLogger } from './log';
import { SandboxOptionError } from './options';
import { startFleet } from './sources/sandbox/simulator';
import { messageOf } from '../core/errors';

async function main(argv: string[]): Promise<void> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof SandboxOptionError)) throw err;
    process.stderr.write(`sandbox: ${err.message}\nRun with --help to see the options.\n`);
    process.exit(2);
  }
  if (command.kind === 'help') {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const log = stderrLogger();
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({ ...command.options, log }, { startFleet });
  } catch (err) {
    log.error(`cannot start: ${messageOf(err)}`);
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify(sandbox.ready)}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    log.info(
      command.options.observe === undefined
        ? `${signal}: closing every client with 93`
        : `${signal}: stopping; the observed broker and its clients are left as they are`,
    );
    sandbox.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error(`shutdown failed: ${messageOf(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main(process.argv.slice(2)).catch((err: unknown) => {
  flushStderr();
  process.stderr.write(`sandbox: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
