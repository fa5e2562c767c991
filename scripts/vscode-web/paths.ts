// Where things are: the project root (found from this file, wherever the bundle lands),
// the code-server install of scripts/install-vscode.js (IOTC_VSCODE=minimum: the oldest one),
// and Debian's Chromium.
import * as fs from 'fs';
import * as path from 'path';
import all from '../code-server.json';

/** IOTC_VSCODE=minimum: the oldest VS Code that engines.vscode claims (scripts/install-vscode.js). */
const config = process.env.IOTC_VSCODE === 'minimum' ? all.minimum : all;

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'scripts', 'code-server.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the project root above ${start}`);
  }
}

export const projectRoot = findProjectRoot(__dirname);
export const codeServerVersion = config.version;
export const codeServerEntry = path.join(
  projectRoot,
  config.cacheDir,
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);
export const chromiumPath = process.env.IOTC_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotsDir = path.join(projectRoot, 'test-results', 'screenshots');

/** Fails early, naming the command that fixes it, when a piece is not installed. */
export function checkInstalled(): void {
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error(
      `code-server ${config.version} is not installed in ${config.cacheDir}: run ` +
        `\`${config === all ? '' : 'IOTC_VSCODE=minimum '}npm run vscode:install\``,
    );
  }
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium (or set IOTC_CHROMIUM)`);
  }
}
