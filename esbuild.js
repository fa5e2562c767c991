// Builds every bundle of the project with esbuild.
//   node esbuild.js                 extension, webview and sandbox bundles (development)
//   node esbuild.js --production    the same, minified, without source maps (what the .vsix ships)
//   node esbuild.js --watch         rebuild on change
//   node esbuild.js --tests         also the test, benchmark and test-runner files (out/), for mocha and the VS Code hosts
//   node esbuild.js --start         also the `npm start` runner (out/scripts/start/main.js)
//   node esbuild.js --sandbox-only  only dist/sandbox.js
// A failed build exits non-zero.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const bundleTrim = require('./scripts/bundle-trim');
const bundleTrimExtension = require('./scripts/bundle-trim-extension');

/** The sandbox's `import('./certs')` loads dist/sandbox-certs.js at run time instead of bundling it. */
const certsChunk = {
  name: 'certs-chunk',
  setup(build) {
    build.onResolve({ filter: /^\.\/certs$/ }, (args) =>
      /src[\\/]server[\\/]tls\.ts$/.test(args.importer) ? { path: './sandbox-certs.js', external: true } : undefined,
    );
  },
};

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

/** Every file under dir whose name matches re, as paths relative to the project. */
function filesUnder(dir, re) {
  if (!fs.existsSync(dir)) return [];
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, re));
    else if (re.test(entry.name)) found.push(full);
  }
  return found;
}

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  legalComments: 'none',
};

const targets = {
  extension: {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [bundleTrim, bundleTrimExtension],
  },
  webview: {
    ...common,
    entryPoints: { timeline: 'src/webview/timeline/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: ['chrome120'],
  },
  sandbox: {
    ...common,
    // Certificate generation, which only `--tls` needs, is a file of its own that the sandbox
    // loads when it makes certificates (src/server/certs.ts).
    entryPoints: { sandbox: 'src/server/cli.ts', 'sandbox-certs': 'src/server/certs.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // ws has optional native helpers it loads only when present.
    external: ['bufferutil', 'utf-8-validate'],
    plugins: [bundleTrim, certsChunk],
  },
  // `npm start` (scripts/start): its runner alone, so that starting does not wait for the tests' build.
  start: {
    bundle: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    entryPoints: ['scripts/start/main.ts'],
    outfile: 'out/scripts/start/main.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
  },
  tests: {
    bundle: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    entryPoints: [
      ...filesUnder('test', /\.ts$/),
      ...filesUnder('bench', /\.ts$/),
      // the VS Code test runners (scripts/vscode-web/code runs out/scripts/vscode-web/cli.js)
      ...filesUnder('scripts', /\.ts$/),
    ],
    outbase: '.',
    outdir: 'out',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    external: ['vscode'],
  },
};

function selected() {
  if (args.has('--sandbox-only')) return ['sandbox'];
  const names = ['extension', 'webview', 'sandbox'];
  if (args.has('--start')) names.push('start');
  if (args.has('--tests')) names.push('tests');
  return names;
}

async function main() {
  const names = selected();
  if (watch) {
    const contexts = await Promise.all(names.map((n) => esbuild.context(targets[n])));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log(`[esbuild] watching ${names.join(', ')}`);
    return;
  }
  const started = Date.now();
  await Promise.all(names.map((n) => esbuild.build(targets[n])));
  console.log(`[esbuild] built ${names.join(', ')}${production ? ' (production)' : ''} in ${Date.now() - started} ms`);
}

// Required (test/unit/scripts/bundleTrim.test.ts): the targets, to build them in memory.
module.exports = { targets };

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
