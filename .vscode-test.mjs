// @vscode/test-cli configuration (`npx vscode-test`), running the same extension-host suites as
// `npm run test:vscode`. By default test-cli downloads VS Code; with IOTC_VSCODE=web it runs them
// in code-server + headless Chromium (scripts/vscode-web/code) on machines that cannot download it.
// Build first: node esbuild.js --tests (and npm run vscode:install for IOTC_VSCODE=web).
// The sandbox platform runs for the whole test-cli process; its ready line reaches the host as
// IOT_SANDBOX, and the sandbox is killed when this process exits.
import { createRequire } from 'module';
import { defineConfig } from '@vscode/test-cli';

const require = createRequire(import.meta.url);
const { startSandbox } = require('./out/scripts/sandboxProcess.js');
const web = process.env.IOTC_VSCODE === 'web';
const sandbox = await startSandbox();

export default defineConfig({
  label: web ? 'code-server' : 'vscode',
  files: 'out/test/vscode/**/*.test.js',
  workspaceFolder: 'test/vscode/workspace',
  launchArgs: ['--disable-extensions'],
  env: { IOTC_TEST_RUNNER: '1', IOT_SANDBOX: sandbox.readyLine },
  mocha: { ui: 'bdd', timeout: 30000, color: false },
  ...(web
    ? { useInstallation: { fromPath: 'scripts/vscode-web/code' } }
    : { version: process.env.IOTC_VSCODE_VERSION ?? 'stable' }),
});
