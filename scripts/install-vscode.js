#!/usr/bin/env node
// Installs code-server (a real VS Code that runs from npm) into .cache/code-server for the
// extension-host and UI tests, offline: VS Code's own download servers are unreachable here,
// and code-server's postinstall fetches from GitHub, so its steps are replayed by hand.
// Idempotent: a marker holds what was installed.
//   node scripts/install-vscode.js [--force]
// IOTC_VSCODE=minimum installs the oldest VS Code that engines.vscode claims instead
// (code-server.json's `minimum`, in a folder of its own).
const fs = require('fs');
const path = require('path');
const { checkPrerequisites } = require('./install/prerequisites');
const { createStepRunner } = require('./install/steps');
const all = require('./code-server.json');
const config = process.env.IOTC_VSCODE === 'minimum' ? all.minimum : all;

const root = path.resolve(__dirname, '..');
const cacheDir = path.join(root, config.cacheDir);
const codeServerDir = path.join(cacheDir, 'node_modules', 'code-server');
const vscodeDir = path.join(codeServerDir, 'lib', 'vscode');
const markerFile = path.join(cacheDir, '.installed');
// Native modules are built for one Node ABI: a new Node means a new install.
const marker = `code-server@${config.version} node-abi-${process.versions.modules}\n`;

function alreadyInstalled() {
  try {
    return (
      fs.readFileSync(markerFile, 'utf8') === marker &&
      fs.existsSync(path.join(codeServerDir, 'out', 'node', 'entry.js'))
    );
  } catch {
    return false;
  }
}

function link(target, linkPath) {
  fs.rmSync(linkPath, { force: true, recursive: true });
  fs.symlinkSync(target, linkPath);
}

async function install() {
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.rmSync(markerFile, { force: true });
  // Without a package.json here npm would walk up and install into the project itself.
  fs.writeFileSync(path.join(cacheDir, 'package.json'), '{ "private": true }\n');
  const step = createStepRunner(path.join(cacheDir, 'install.log'));
  // VS Code 1.90's own dependencies have peer ranges that today's npm refuses: `npmArgs` (code-server.json).
  const npm = (args, cwd, env) =>
    step.run('npm', [...args, '--no-audit', '--no-fund', ...(config.npmArgs ?? [])], cwd, env);
  // Local Node headers (no download), no prompts, and node-gyp compiling on every core.
  // `nativeEnv` (code-server.json): VS Code 1.90's older native modules need -fpermissive with Node 20's headers.
  const nativeEnv = { npm_config_nodedir: '/usr', npm_config_yes: 'true', JOBS: 'max', ...config.nativeEnv };

  await step.named('code-server package (scripts skipped)', () =>
    npm(['install', `code-server@${config.version}`, '--ignore-scripts', '--no-save'], cacheDir),
  );
  await step.named('VS Code server dependencies', () => npm(['install', '--omit=dev', '--ignore-scripts'], vscodeDir));
  await step.named('ripgrep from Debian', () => {
    // @vscode/ripgrep's postinstall downloads from GitHub unless bin/ already exists.
    const binDir = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
    fs.mkdirSync(binDir, { recursive: true });
    fs.copyFileSync('/usr/bin/rg', path.join(binDir, 'rg'));
    fs.chmodSync(path.join(binDir, 'rg'), 0o755);
  });
  await step.named('native modules of VS Code (node-gyp, local headers)', () => npm(['rebuild'], vscodeDir, nativeEnv));
  await step.named('links the server expects', () => {
    link('node_modules', path.join(vscodeDir, 'node_modules.asar'));
    link('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
    link('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  });
  await step.named('built-in extensions dependencies', () =>
    npm(['install', '--omit=dev'], path.join(vscodeDir, 'extensions')),
  );
  await step.named('argon2 (password hashing of code-server)', () => npm(['rebuild', 'argon2'], cacheDir, nativeEnv));
  fs.writeFileSync(markerFile, marker);
}

async function main() {
  const started = Date.now();
  const force = process.argv.includes('--force');
  checkPrerequisites();
  if (!force && alreadyInstalled()) {
    console.log(
      `[vscode:install] code-server ${config.version} (VS Code ${config.vscodeVersion}) already in ${config.cacheDir}`,
    );
    return;
  }
  console.log(
    `[vscode:install] installing code-server ${config.version} (VS Code ${config.vscodeVersion}) into ${config.cacheDir}`,
  );
  await install();
  console.log(`[vscode:install] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(`[vscode:install] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
