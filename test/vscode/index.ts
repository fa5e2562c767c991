// Entry of the extension-host tests. A VS Code (code-server here, a downloaded one elsewhere)
// loads this bundle (out/test/vscode/index.js) in its extension host and calls run(); every
// *.test.js beside it runs in mocha there. IOTC_VSCODE_GREP narrows the run; IOTC_VSCODE_SKIP leaves out
// what matches it.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

/** Runs first, whatever the names of the others: it checks that the extension activates by itself after start-up. */
const FIRST = 'smoke.test.js';

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort((a, b) => Number(b === FIRST) - Number(a === FIRST) || a.localeCompare(b))
    .map((name) => path.join(dir, name));
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  const grep = process.env.IOTC_VSCODE_GREP;
  if (grep) mocha.grep(grep);
  // The oldest VS Code (npm run test:vscode:min) skips what documents a newer one's behaviour.
  const skip = process.env.IOTC_VSCODE_SKIP;
  if (skip && !grep) mocha.grep(new RegExp(skip)).invert();
  const files = testFiles(__dirname);
  if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}`);
  for (const file of files) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test${failures === 1 ? '' : 's'} failed`);
}
