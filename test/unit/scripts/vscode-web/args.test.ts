// The command line @vscode/test-electron gives VS Code, as scripts/vscode-web/code reads it.
import * as assert from 'assert';
import { parseHostArgs } from '../../../../scripts/vscode-web/args';

describe('scripts/vscode-web: test-electron command line', () => {
  it('reads what runTests passes and ignores the Electron-only switches', () => {
    const args = parseHostArgs([
      '/ws',
      '--user-data-dir=/tmp/u',
      '--disable-extensions',
      '--no-sandbox',
      '--disable-gpu-sandbox',
      '--disable-updates',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-workspace-trust',
      '--extensionTestsPath=/p/out/test/vscode/index.js',
      '--extensionDevelopmentPath=/p',
      '--extensions-dir=/p/.vscode-test/extensions',
    ]);
    assert.deepStrictEqual(args.extensionDevelopmentPaths, ['/p']);
    assert.strictEqual(args.extensionTestsPath, '/p/out/test/vscode/index.js');
    assert.strictEqual(args.userDataDir, '/tmp/u');
    assert.strictEqual(args.extensionsDir, '/p/.vscode-test/extensions');
    assert.strictEqual(args.folder, '/ws');
    assert.ok(args.ignored.includes('--no-sandbox') && args.ignored.includes('--disable-extensions'));
  });

  it('takes several development paths, values after a space, and values containing "="', () => {
    const args = parseHostArgs([
      '--extensionDevelopmentPath',
      '/a',
      '--extensionDevelopmentPath=/b=c',
      '--extensionTestsPath',
      '/t',
    ]);
    assert.deepStrictEqual(args.extensionDevelopmentPaths, ['/a', '/b=c']);
    assert.strictEqual(args.extensionTestsPath, '/t');
    assert.strictEqual(args.folder, undefined);
  });

  it('refuses an option that needs a value at the end of the line', () => {
    assert.throws(() => parseHostArgs(['--extensionTestsPath']), /--extensionTestsPath needs a value/);
  });
});
