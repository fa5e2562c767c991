// `npm start -- [options]`: what to run and where its data lives (no side effects; unit-tested).
import * as path from 'path';
import { parseArgs } from 'util';

export interface StartOptions {
  /** Sandbox data, the VS Code profile and the workspace folder (kept across starts). */
  readonly dataDir: string;
  /** Simulated clients of the sandbox. */
  readonly fleet: number;
  /** code-server's port on 127.0.0.1 (another free one when taken). */
  readonly port: number;
  /** code-server even when the desktop `code` is on PATH. */
  readonly browser: boolean;
  /** Start everything, wait until the workbench shows the fleet in headless Chromium, stop, exit. */
  readonly check: boolean;
}

export const DEFAULT_FLEET = 60;
export const DEFAULT_PORT = 8090;

export const START_HELP = `Usage: npm start [-- options]

Builds the extension, starts the local sandbox platform with a simulated fleet, and opens
VS Code with the extension on a profile already connected to it: the desktop \`code\` when it is
on PATH, otherwise VS Code in the browser (code-server, installed once into .cache/).
Ctrl-C stops everything.

  --data-dir DIR   sandbox data, VS Code profile and workspace (default: .sandbox-data);
                   a second start keeps the fleet, its API key and its history
  --fleet N        simulated clients (default: ${DEFAULT_FLEET}; 0 = none)
  --port N         port of VS Code in the browser on 127.0.0.1 (default: ${DEFAULT_PORT}; another
                   free one when it is taken)
  --browser        VS Code in the browser even when the desktop \`code\` is on PATH
  --check          start everything, wait until VS Code shows the fleet (headless Chromium),
                   print the time to ready, stop everything and exit (for CI and benchmarks)
  -h, --help       this text`;

export type StartCommand = { kind: 'help' } | { kind: 'run'; options: StartOptions };

function integer(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) {
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text.slice(0, 20))}`);
  }
  return n;
}

export function parseStartArgs(argv: readonly string[], projectRoot: string): StartCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      'data-dir': { type: 'string' },
      fleet: { type: 'string' },
      port: { type: 'string' },
      browser: { type: 'boolean' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { kind: 'help' };
  return {
    kind: 'run',
    options: {
      dataDir: path.resolve(projectRoot, values['data-dir'] ?? '.sandbox-data'),
      fleet: integer('fleet', values.fleet, DEFAULT_FLEET, 0, 100_000),
      port: integer('port', values.port, DEFAULT_PORT, 1024, 65535),
      browser: values.browser === true || values.check === true,
      check: values.check === true,
    },
  };
}
