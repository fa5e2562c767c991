// The code-server workbench URL: development and tests paths travel only as vscode-remote URIs.
import * as assert from 'assert';
import { remoteUri, workbenchUrl } from '../../../../scripts/vscode-web/workbenchUrl';
import { isHarmlessNoise } from '../../../../scripts/vscode-web/noise';

describe('scripts/vscode-web: workbench URL', () => {
  const origin = 'http://127.0.0.1:41234';

  it('puts the development and tests paths in the payload as vscode-remote URIs', () => {
    const url = new URL(
      workbenchUrl({
        origin,
        folder: '/ws',
        extensionDevelopmentPaths: ['/p'],
        extensionTestsPath: '/p/out/test/vscode/index.js',
      }),
    );
    assert.strictEqual(url.origin, origin);
    assert.strictEqual(url.searchParams.get('folder'), '/ws');
    assert.deepStrictEqual(JSON.parse(url.searchParams.get('payload') ?? ''), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:41234/p'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:41234/p/out/test/vscode/index.js'],
    ]);
  });

  it('opens a .code-workspace file as a (multi-root) workspace', () => {
    const url = new URL(workbenchUrl({ origin, folder: '/ws/two.code-workspace' }));
    assert.strictEqual(url.searchParams.get('workspace'), '/ws/two.code-workspace');
    assert.strictEqual(url.searchParams.get('folder'), null);
  });

  it('opens an empty window without a folder, and has no payload without paths', () => {
    const url = new URL(workbenchUrl({ origin }));
    assert.strictEqual(url.searchParams.get('ew'), 'true');
    assert.strictEqual(url.searchParams.get('payload'), null);
  });

  it('percent-encodes paths with spaces, # and non-ASCII characters', () => {
    assert.strictEqual(remoteUri(origin, '/a b/#c/é'), 'vscode-remote://127.0.0.1:41234/a%20b/%23c/%C3%A9');
  });
});

describe('scripts/vscode-web: harmless workbench noise', () => {
  it('drops the offline gallery, vsda and start-up chatter, keeps test output and real errors', () => {
    assert.ok(isHarmlessNoise('Ignoring fetching additional builtin extensions from gallery as it is disabled.'));
    assert.ok(
      isHarmlessNoise('Failed to load resource: the server responded with a status of 404 (Not Found) vsda.js'),
    );
    assert.ok(isHarmlessNoise('Creating a socket (renderer-ExtensionHost-1234)...'));
    assert.ok(!isHarmlessNoise('    ✔ registers and runs "IoT Connectivity: Show Log"'));
    assert.ok(!isHarmlessNoise('TypeError: Cannot read properties of undefined'));
  });
});
