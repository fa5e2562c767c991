// Runs the extension-host tests (out/test/vscode) with @vscode/test-electron's runTests.
//   node out/scripts/test-vscode.js             in code-server + headless Chromium (scripts/vscode-web/code)
// node out/scripts/test-vscode.js --electron in a VS Code that test-electron downloads (IOTC_VSCODE_VERSION, default
// stable)
// … --sandbox with the sandbox platform running; its ready line reaches the host as IOT_SANDBOX
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { startSandbox, type SandboxProcess } from './sandboxProcess';
import { projectRoot } from './vscode-web/paths';
import { messageOf } from '../src/core/errors';

async function main(argv: readonly string[]): Promise<void> {
  const electron = argv.includes('--electron');
  const started = Date.now();
  // A fresh profile each run, so no view state of an earlier run activates the extension early.
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-vscode-user-'));
  let sandbox: SandboxProcess | undefined;
  try {
    if (argv.includes('--sandbox')) sandbox = await startSandbox();
    await runTests({
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: path.join(projectRoot, 'out', 'test', 'vscode', 'index.js'),
      launchArgs: [
        path.join(projectRoot, 'test', 'vscode', 'workspace'),
        `--user-data-dir=${userDataDir}`,
        '--disable-extensions',
      ],
      extensionTestsEnv: { IOTC_TEST_RUNNER: '1', ...(sandbox ? { IOT_SANDBOX: sandbox.readyLine } : {}) },
      ...(electron
        ? { version: process.env.IOTC_VSCODE_VERSION ?? 'stable' }
        : { vscodeExecutablePath: path.join(projectRoot, 'scripts', 'vscode-web', 'code') }),
    });
    console.log(`[test:vscode] extension-host tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await sandbox?.stop();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`[test:vscode] ${messageOf(err)}`);
  process.exit(1);
});
