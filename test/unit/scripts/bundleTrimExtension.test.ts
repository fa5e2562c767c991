// What scripts/bundle-trim-extension.js keeps out of dist/extension.js is never run by the extension:
// the platform layer's own tests (REST over http and https, failures, retries, paging, TLS, and
// the monitor over mqtt, mqtts, ws and wss, direct and through a real proxy, against the real
// sandbox) are bundled with the extension's plugins, as `src/platform` is in dist/extension.js,
// and run in a child mocha: a stub reached throws there. The stubs do throw when reached.
import * as assert from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { targets } = require(path.resolve('esbuild.js')) as { targets: Record<string, esbuild.BuildOptions> };

const TESTS = [
  'test/unit/platform/proxy/agents.test.ts',
  'test/unit/platform/monitor/monitorClient.test.ts',
  'test/unit/platform/rest/client.test.ts',
  'test/unit/platform/rest/client.calls.test.ts',
  'test/unit/platform/rest/client.failures.test.ts',
  'test/unit/platform/rest/client.paging.test.ts',
  'test/unit/platform/rest/client.retry.test.ts',
  'test/unit/platform/rest/client.tls.test.ts',
];

const SRC = path.resolve('src') + path.sep;
const SERVER = path.resolve('src/server') + path.sep;
const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/**
 * Packages imported by the extension's code (src/ but the server, and the packages it reaches) are
 * bundled as in dist/extension.js; the tests' own, and the in-process sandbox's, stay real.
 */
const testsOutside: esbuild.Plugin = {
  name: 'tests-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const asExtension =
        args.importer.includes(NODE_MODULES) || (args.importer.startsWith(SRC) && !args.importer.startsWith(SERVER));
      return asExtension ? undefined : { path: args.path, external: true };
    });
  },
};

function asExtension(options: esbuild.BuildOptions): esbuild.BuildOptions {
  const { extension } = targets;
  return {
    ...extension,
    outfile: undefined,
    minify: true,
    sourcemap: false,
    metafile: true,
    ...options,
    plugins: [...(options.plugins ?? []), ...(extension.plugins ?? [])],
  };
}

const children = new Set<ChildProcess>();

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env: { ...process.env, NODE_PATH: path.resolve('node_modules') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  return new Promise((resolve) =>
    child.once('close', (code) => {
      children.delete(child);
      resolve({ code, output });
    }),
  );
}

describe('bundle trim of the extension (scripts/bundle-trim-extension.js)', function () {
  this.timeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-trimmed-'));
  after(() => {
    // A child still running (this test timed out) ends with it; mocha's own after hooks close what it started.
    for (const child of children) child.kill('SIGINT');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs the platform layer's tests with what the extension bundle keeps out stubbed", async () => {
    const result = await esbuild.build(
      asExtension({ entryPoints: TESTS, outdir: dir, outbase: '.', plugins: [testsOutside] }),
    );
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    for (const stub of [
      'axios/lib/adapters/xhr.js',
      'ws/lib/websocket-server.js',
      'mqtt/build/lib/topic-alias-send.js',
    ]) {
      assert.ok(inputs.includes(`bundle-trim-extension:${stub}`), `${stub} stubbed in the tests' build`);
    }
    assert.ok(
      inputs.some((f) => /node_modules[\\/]axios[\\/]lib[\\/]adapters[\\/]http\.js$/.test(f)),
      'axios bundled',
    );
    assert.ok(
      inputs.some((f) => /node_modules[\\/]mqtt[\\/]build[\\/]lib[\\/]client\.js$/.test(f)),
      'mqtt.js bundled',
    );
    const files = TESTS.map((t) => path.join(dir, t.replace(/\.ts$/, '.js')));
    const mocha = require.resolve('mocha/bin/mocha.js');
    const { code, output } = await run([
      mocha,
      '--timeout',
      '60000',
      '--bail',
      '--exit',
      '--reporter',
      'dot',
      ...files,
    ]);
    assert.strictEqual(code, 0, output);
    assert.doesNotMatch(output, /bundle-trim/);
    assert.match(output, /\d+ passing/);
  });

  it('throws, rather than working differently, where a stubbed path is reached', async () => {
    const contents = [
      // imported as src/ imports them (axios' ES modules, not its CommonJS build)
      "import axios from 'axios';",
      "import { WebSocketServer } from 'ws';",
      'const tries = [',
      "  () => axios.create({ adapter: ['xhr', 'http'] }).get('http://127.0.0.1:9/'),",
      "  () => axios.create({ adapter: 'http', proxy: undefined }).get('http://127.0.0.1:9/'),",
      '  () => new WebSocketServer({ noServer: true }),',
      '];',
      'Promise.all(tries.map((t) => Promise.resolve().then(t).then(() => "ran", (e) => e.message)))',
      '  .then((r) => console.log(JSON.stringify(r)));',
    ].join('\n');
    const outfile = path.join(dir, 'reached.js');
    await esbuild.build(
      asExtension({ entryPoints: undefined, stdin: { contents, resolveDir: path.resolve('src') }, outfile }),
    );
    const { output } = await run([outfile]);
    const results = JSON.parse(output) as string[];
    assert.match(results[0], /bundle-trim: axios xhr adapter/);
    assert.match(results[1], /bundle-trim: axios' environment proxy|bundle-trim: axios no_proxy/);
    assert.match(results[2], /bundle-trim: ws WebSocketServer/);
  });
});
