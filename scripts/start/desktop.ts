// The desktop VS Code, when its `code` command is on PATH: a window of its own profile (a
// separate user-data dir) with the extension loaded from this folder. `--wait` keeps the command
// running until that window closes, which then ends `npm start` too.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from '../vscode-web/paths';
import type { StartPaths } from './profile';

export function desktopCode(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, 'code');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      // This project's test executable answers to `code` too; it is not a desktop VS Code.
      if (!fs.realpathSync(candidate).startsWith(path.join(projectRoot, 'scripts'))) return candidate;
    } catch {
      // not there, or not executable
    }
  }
  return undefined;
}

export function openDesktop(code: string, paths: StartPaths, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(
    code,
    [
      '--new-window',
      '--wait',
      '--user-data-dir',
      paths.userDataDir,
      `--extensionDevelopmentPath=${projectRoot}`,
      paths.workspace,
    ],
    { env: { ...process.env, ...env }, stdio: 'inherit' },
  );
}
