// The sandbox of `npm start`: dist/sandbox.js with a simulated fleet, its data in the data dir
// (a second start keeps the fleet, API key and history), its log in a file beside it, on the
// sandbox's usual ports when they are free. In its own process group: Ctrl-C reaches this script,
// which stops it with one SIGTERM (clients get 93).
import * as fs from 'fs';
import * as path from 'path';
import { startSandboxChild, type SandboxChild } from '../../src/features/localSandbox/child';
import { projectRoot } from '../vscode-web/paths';
import { preferredOrFree } from './ports';

const USUAL_PORTS = { mqtt: 1883, ws: 8083, http: 8088 } as const;

export async function startFleetSandbox(dataDir: string, fleet: number, logFile: string): Promise<SandboxChild> {
  fs.mkdirSync(dataDir, { recursive: true });
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const args = ['--data-dir', dataDir];
  for (const [name, port] of Object.entries(USUAL_PORTS)) {
    args.push(`--${name}-port`, String(await preferredOrFree(port)));
  }
  if (fleet > 0) args.push('--simulate', String(fleet));
  try {
    const child = await startSandboxChild({
      cliPath: path.join(projectRoot, 'dist', 'sandbox.js'),
      args,
      ownProcessGroup: true,
      onStderrLine: (line) => log.write(`${line}\n`),
    });
    void child.exited.then(() => log.end());
    return child;
  } catch (err) {
    log.end();
    throw err;
  }
}
