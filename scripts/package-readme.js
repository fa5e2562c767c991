#!/usr/bin/env node
// Writes the README the .vsix ships (dist/README.md): VS Code's details page of an installed
// extension shows its README without a base address, so a relative image there never loads and a
// relative link leads nowhere. Here each image of the project's README becomes a data: URI (the
// page allows https: and data: images) and each relative link becomes its words with the path in
// code. The README in the repository keeps its relative links, for the repository's own viewers.
//   node scripts/package-readme.js [README.md] [dist/README.md]
const fs = require('fs');
const path = require('path');

const TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };
const LINK = /(!?)\[([^\]]*)\]\(([^)\s]+)\)/g;
const relative = (link) => !/^[a-z][a-z0-9+.-]*:/i.test(link) && !link.startsWith('#');

/** The README text for the package; throws on an image it cannot inline, naming it. */
function packageReadme(markdown, root) {
  return markdown.replace(LINK, (whole, bang, words, link) => {
    if (!relative(link)) return whole;
    if (!bang) return words === link ? `\`${link}\`` : `${words} (\`${link}\` in the repository)`;
    const file = path.resolve(root, link);
    const type = TYPES[path.extname(file).toLowerCase()];
    if (!type) throw new Error(`README image ${link}: not PNG, JPEG or GIF (the package page refuses SVG)`);
    if (path.relative(root, file).startsWith('..')) throw new Error(`README image ${link}: outside the project`);
    if (!fs.existsSync(file)) throw new Error(`README image ${link}: no such file`);
    return `![${words}](data:${type};base64,${fs.readFileSync(file).toString('base64')})`;
  });
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const [from = 'README.md', to = 'dist/README.md'] = process.argv.slice(2);
  try {
    const out = packageReadme(fs.readFileSync(path.resolve(root, from), 'utf8'), root);
    fs.mkdirSync(path.dirname(path.resolve(root, to)), { recursive: true });
    fs.writeFileSync(path.resolve(root, to), out);
  } catch (err) {
    console.error(`package-readme: ${err.message}`);
    process.exit(1);
  }
}

module.exports = { packageReadme };
