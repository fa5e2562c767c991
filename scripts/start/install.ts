// VS Code in the browser installed once (scripts/install-vscode.js, cached in .cache/): the
// Debian packages its native modules need are installed first when this runs as root, and
// named with the exact apt command otherwise.
import { spawn } from 'child_process';
import * as path from 'path';
import { projectRoot } from '../vscode-web/paths';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS helper of the install script
const { missingAptPackages } = require('../install/prerequisites') as { missingAptPackages(): string[] };

/** Names apt can install as is (the Node headers entry is advice, not a package name). */
const INSTALLABLE = /^[a-z0-9][a-z0-9.+-]*$/;

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.once('error', reject);
    child.once('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

export async function ensureAptPackages(say: (line: string) => void): Promise<void> {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  const installable = missing.filter((p) => INSTALLABLE.test(p));
  const command = `apt-get install -y ${installable.join(' ')}`;
  if (installable.length < missing.length || process.getuid?.() !== 0) {
    throw new Error(
      `VS Code in the browser needs Debian packages that are missing. As root, run:\n  apt-get update && ` +
        command +
        (installable.length < missing.length ? '\n  and install Node.js 20 with its headers (/usr/include/node)' : ''),
    );
  }
  say(`installing Debian packages VS Code in the browser needs: ${installable.join(' ')}`);
  await run('apt-get', ['update', '-q']);
  await run('apt-get', ['install', '-y', '-q', ...installable]);
}

/** Runs the install script (a no-op of ~2 s once installed). */
export async function ensureCodeServer(say: (line: string) => void): Promise<void> {
  await ensureAptPackages(say);
  await run(process.execPath, [path.join(projectRoot, 'scripts', 'install-vscode.js')]);
}
