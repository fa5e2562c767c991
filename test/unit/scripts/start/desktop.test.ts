import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { desktopCode } from '../../../../scripts/start/desktop';
import { projectRoot } from '../../../../scripts/vscode-web/paths';

describe('start/desktop: finding the desktop `code` command', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-path-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds an executable `code` on PATH, and only an executable one', () => {
    const code = path.join(dir, 'code');
    fs.writeFileSync(code, '#!/bin/sh\n', { mode: 0o644 });
    assert.strictEqual(desktopCode({ PATH: dir }), undefined);
    fs.chmodSync(code, 0o755);
    assert.strictEqual(desktopCode({ PATH: ['/nonexistent', dir].join(path.delimiter) }), code);
  });

  it("passes over this project's test executable, which is also called `code`", () => {
    assert.strictEqual(desktopCode({ PATH: path.join(projectRoot, 'scripts', 'vscode-web') }), undefined);
    fs.symlinkSync(path.join(projectRoot, 'scripts', 'vscode-web', 'code'), path.join(dir, 'code'));
    assert.strictEqual(desktopCode({ PATH: dir }), undefined);
  });
});
