// The README's promises that a reader acts on: the two commands of a newcomer (try it; test it), and the Command
// Palette entry of "Watch a Broker…" as VS Code shows it (category and title from package.json and
// package.nls.json), named in the section "Watching your own broker".
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import manifest from '../../../package.json';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

/** The text of the section `## title`, up to the next section of that level. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `the README has a section "${title}"`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** "Category: Title" of a contributed command, as the Command Palette shows it. */
function paletteEntry(command: string): string {
  const c = manifest.contributes.commands.find((x) => x.command === command);
  assert.ok(c, `${command} is contributed`);
  const title = /^%(.+)%$/.exec(c.title)?.[1];
  return `${c.category}: ${title !== undefined ? nls[title] : c.title}`;
}

describe('README', () => {
  it('keeps the two commands of a newcomer: try it, and test it', () => {
    const blocks = [...section('Quick start').matchAll(/```sh\n([^`]*)```/g)].map((m) => m[1].trim());
    assert.deepStrictEqual(blocks, ['npm install && npm start', 'npm ci && npm test']);
  });

  it('names the Command Palette entry of Watch a Broker… in "Watching your own broker"', () => {
    const entry = paletteEntry('iotConnectivity.watchBroker');
    assert.strictEqual(entry, 'IoT Connectivity: Watch a Broker…');
    assert.ok(section('Watching your own broker').includes(`**${entry}**`), `the section names ${entry}`);
  });
});
