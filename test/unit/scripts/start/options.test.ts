import * as assert from 'assert';
import * as path from 'path';
import { DEFAULT_FLEET, DEFAULT_PORT, parseStartArgs } from '../../../../scripts/start/options';

const root = '/project';

describe("start/options: npm start's command line", () => {
  it('defaults: .sandbox-data beside the project, a 60-client fleet, port 8090, the desktop code when present', () => {
    assert.deepStrictEqual(parseStartArgs([], root), {
      kind: 'run',
      options: {
        dataDir: path.join(root, '.sandbox-data'),
        fleet: DEFAULT_FLEET,
        port: DEFAULT_PORT,
        browser: false,
        check: false,
      },
    });
    assert.strictEqual(DEFAULT_FLEET, 60);
  });

  it('reads every option; --check always uses VS Code in the browser', () => {
    const c = parseStartArgs(['--data-dir', 'tmp/x', '--fleet', '0', '--port', '9000', '--check'], root);
    assert.deepStrictEqual(c, {
      kind: 'run',
      options: { dataDir: path.join(root, 'tmp/x'), fleet: 0, port: 9000, browser: true, check: true },
    });
    assert.deepStrictEqual(parseStartArgs(['-h'], root), { kind: 'help' });
  });

  it('refuses what it cannot use, saying which option and why', () => {
    assert.throws(
      () => parseStartArgs(['--fleet', 'many'], root),
      /--fleet must be a whole number from 0 to 100000, not "many"/,
    );
    assert.throws(() => parseStartArgs(['--port', '80'], root), /--port must be a whole number from 1024 to 65535/);
    assert.throws(() => parseStartArgs(['--colour'], root), /Unknown option '--colour'/);
  });
});
