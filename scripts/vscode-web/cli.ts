// The VS Code executable this project's tests run on machines that cannot download VS Code:
// scripts/vscode-web/code runs this. It takes the command line @vscode/test-electron passes to
// VS Code and exits with the test run's code.
import { parseHostArgs } from './args';
import { runExtensionTests } from './extensionTests';
import { messageOf } from '../../src/core/errors';

const DEFAULT_TIMEOUT_SECONDS = 600;

async function main(): Promise<number> {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => controller.abort(signal));
  const args = parseHostArgs(process.argv.slice(2));
  const seconds = Number(process.env.IOTC_VSCODE_TIMEOUT_SECONDS ?? DEFAULT_TIMEOUT_SECONDS);
  if (!(seconds > 0)) throw new Error('IOTC_VSCODE_TIMEOUT_SECONDS must be a positive number of seconds');
  try {
    return await runExtensionTests(args, { timeoutMs: seconds * 1000, signal: controller.signal });
  } catch (err) {
    if (controller.signal.aborted) return 130;
    throw err;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[vscode-web] ${messageOf(err)}`);
    process.exit(1);
  },
);
