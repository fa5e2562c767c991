// The bundles' weight, kept: the production builds of the extension and the sandbox (made in
// memory with esbuild.js's own targets, as `npm run package` makes them) stay under their limits
// (bench/README.md, "Bundles"), carry none of what scripts/bundle-trim.js keeps out, and the
// sandbox's certificate generation stays in a file of its own that works.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { targets } = require(path.resolve('esbuild.js')) as { targets: Record<string, esbuild.BuildOptions> };

const LIMITS = { extension: 512_000, sandbox: 650_000 };
const KEPT_OUT =
  /node_modules[\\/](readable-stream|string_decoder|form-data|mime-db|mime-types|follow-redirects|worker-timers|socks|ip-address|smart-buffer|@peculiar|asn1js|selfsigned|debug|supports-color|process-nextick-args|inherits)[\\/]/;
/** Out of the extension only (scripts/bundle-trim-extension.js; its test runs what stays). */
const KEPT_OUT_OF_EXTENSION =
  /node_modules[\\/](lru-cache|rfdc|is-retry-allowed|proxy-from-env|axios[\\/]node_modules|axios[\\/]dist|axios[\\/]lib[\\/]adapters[\\/](xhr|fetch)|ws[\\/]lib[\\/]websocket-server|mqtt[\\/]build[\\/]lib[\\/](topic-alias-send|connect[\\/](wx|ali|socks)))/;

async function production(name: string, dir: string): Promise<esbuild.Metafile> {
  const target = targets[name];
  const out = target.outfile ? { outfile: path.join(dir, path.basename(target.outfile)) } : { outdir: dir };
  const result = await esbuild.build({ ...target, ...out, minify: true, sourcemap: false, metafile: true });
  return result.metafile;
}

describe('bundle sizes (esbuild.js, scripts/bundle-trim.js)', function () {
  this.timeout(60_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-bundles-'));
  const metas: Record<string, esbuild.Metafile> = {};
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  before(async () => {
    metas.extension = await production('extension', dir);
    metas.sandbox = await production('sandbox', dir);
  });

  for (const [name, limit] of Object.entries(LIMITS)) {
    it(`keeps dist/${name}.js under ${limit / 1000} KB, without what it never runs`, () => {
      const bytes = fs.statSync(path.join(dir, `${name}.js`)).size;
      assert.ok(bytes < limit, `${name}.js is ${bytes} bytes`);
      const output = Object.entries(metas[name].outputs).find(([file]) => file.endsWith(`${name}.js`));
      assert.ok(output, `${name}.js in the metafile`);
      const inside = Object.keys(output[1].inputs).filter(
        (f) => KEPT_OUT.test(f) || (name === 'extension' && KEPT_OUT_OF_EXTENSION.test(f)),
      );
      assert.deepStrictEqual(inside, []);
    });
  }

  it('still serves --tls: the sandbox loads sandbox-certs.js and makes its certificates', async () => {
    const sandbox = fs.readFileSync(path.join(dir, 'sandbox.js'), 'utf8');
    assert.ok(sandbox.includes('import("./sandbox-certs.js")'), 'sandbox.js imports sandbox-certs.js');
    const ports = ['--mqtt-port', '--mqtts-port', '--ws-port', '--wss-port', '--http-port', '--https-port'];
    const child = spawn(process.execPath, [path.join(dir, 'sandbox.js'), '--tls', ...ports.flatMap((p) => [p, '0'])], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          if (out.includes('\n')) resolve(out.split('\n')[0]);
        });
        child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
      });
      const ready = JSON.parse(line) as { event: string; caFile?: string; mqttsUrl?: string };
      assert.strictEqual(ready.event, 'ready');
      assert.match(ready.mqttsUrl ?? '', /^mqtts:\/\/127\.0\.0\.1:\d+$/);
      assert.match(fs.readFileSync(ready.caFile ?? '', 'utf8'), /^-----BEGIN CERTIFICATE-----/);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    }
  });
});
