// VS Code in the browser loads the extension as an installed one, from this folder: an entry in
// the profile's extensions.json (the list VS Code keeps of the extensions in an extensions dir)
// whose location is the project. Not an Extension Development Host, so the window's title is the
// workspace's, without "[Extension Development Host]"; a rebuild is picked up on the next start.
import * as fs from 'fs';
import * as path from 'path';

interface Entry {
  readonly identifier?: { readonly id?: unknown };
  readonly [key: string]: unknown;
}

function readEntries(file: string): Entry[] {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Array.isArray(parsed) ? (parsed as Entry[]).filter((e) => e && typeof e === 'object') : [];
  } catch {
    return [];
  }
}

/** Lists `projectRoot` (an extension folder) in `extensionsDir`; other extensions listed there stay. */
export function installByLocation(extensionsDir: string, projectRoot: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  const id = `${manifest.publisher}.${manifest.name}`;
  const file = path.join(extensionsDir, 'extensions.json');
  const others = readEntries(file).filter((e) => String(e.identifier?.id).toLowerCase() !== id.toLowerCase());
  // A revived URI: its path as is, not percent-encoded (code-server runs on POSIX systems).
  const location = { $mid: 1, scheme: 'file', path: path.resolve(projectRoot) };
  const entries = [...others, { identifier: { id }, version: manifest.version, location }];
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(entries));
  return id;
}
