// The README the .vsix ships: the project's images inside it as data: URIs (the details page of an
// installed extension has no base address), relative links as words, and a clear refusal of an
// image the page would not show.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packageReadme } = require(path.resolve('scripts/package-readme.js')) as {
  packageReadme: (markdown: string, root: string) => string;
};

describe('scripts/package-readme: the README of the package', () => {
  it("carries every image of the project's README inside it, and no relative link", () => {
    const readme = fs.readFileSync('README.md', 'utf8');
    const images = [...readme.matchAll(/!\[([^\]]*)\]\(([^)\s]+)\)/g)];
    assert.ok(images.length >= 5);
    const out = packageReadme(readme, process.cwd());
    for (const [, alt, link] of images) {
      const inlined = `![${alt}](data:image/png;base64,${fs.readFileSync(link!).toString('base64')})`;
      assert.ok(out.includes(inlined), `${link} inlined`);
    }
    const relative = [...out.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((l) => !/^(https?|data|mailto):|^#/.test(l));
    assert.deepStrictEqual(relative, []);
    assert.ok(out.includes('`LICENSE`') || !readme.includes('](LICENSE)'));
  });

  it('keeps addresses and anchors, and words a relative link with its path', () => {
    const md = '[site](https://example.org/x) [top](#top) [the figures](bench/README.md) [LICENSE](LICENSE)';
    assert.strictEqual(
      packageReadme(md, process.cwd()),
      '[site](https://example.org/x) [top](#top) the figures (`bench/README.md` in the repository) `LICENSE`',
    );
  });

  it('refuses an SVG, a missing image and one outside the project, naming it', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iotc-readme-'));
    try {
      fs.writeFileSync(path.join(root, 'a.svg'), '<svg/>');
      assert.throws(() => packageReadme('![a](a.svg)', root), /a\.svg: not PNG, JPEG or GIF/);
      assert.throws(() => packageReadme('![b](b.png)', root), /b\.png: no such file/);
      assert.throws(() => packageReadme('![c](../c.png)', root), /\.\.\/c\.png: outside the project/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
