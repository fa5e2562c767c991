// A stand-in language pack for Brazilian Portuguese. VS Code takes a display language only from an
// installed language pack, and gives an extension its bundle (l10n/bundle.l10n.pt-br.json) only in
// that language. The real pack (MS-CEINTL.vscode-language-pack-pt-BR) comes from the Marketplace,
// which the tests do not reach; this one declares pt-br with no translations of VS Code's own, so
// VS Code's words stay English and only the extension's are Portuguese. Packed by vsce, installed
// like any .vsix.
//
// code-server's `--install-extension` does not record a language pack (coder/code-server#4735):
// VS Code's language-pack service writes `languagepacks.json` in the user-data dir only when it
// installs a pack itself, and the server reads that file to find the display language's
// translations. registerLanguagePacks writes it as that service does, from the installed packs.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const vsce = require('@vscode/vsce') as {
  createVSIX(o: {
    cwd: string;
    packagePath: string;
    dependencies: boolean;
    allowMissingRepository: boolean;
  }): Promise<void>;
};

const MANIFEST = {
  name: 'iotc-test-language-pack-pt-br',
  displayName: 'Stand-in pt-BR language pack (tests)',
  description: 'Declares the pt-br display language for the extension tests; translates nothing of VS Code.',
  publisher: 'iotc-tests',
  version: '0.0.1',
  license: 'MIT',
  engines: { vscode: '^1.93.0' },
  categories: ['Language Packs'],
  contributes: {
    localizations: [
      {
        languageId: 'pt-br',
        languageName: 'Portuguese (Brazil)',
        localizedLanguageName: 'Português (Brasil)',
        translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
      },
    ],
  },
};

/** Packs the stand-in pack in `dir` and returns its .vsix. */
export async function portugueseLanguagePack(dir: string): Promise<string> {
  const src = path.join(dir, 'language-pack');
  fs.mkdirSync(path.join(src, 'translations'), { recursive: true });
  fs.writeFileSync(path.join(src, 'package.json'), JSON.stringify(MANIFEST, null, 2));
  fs.writeFileSync(
    path.join(src, 'translations', 'main.i18n.json'),
    JSON.stringify({ version: '1.0.0', contents: {} }),
  );
  fs.writeFileSync(path.join(src, 'README.md'), `# ${MANIFEST.displayName}\n\n${MANIFEST.description}\n`);
  fs.writeFileSync(path.join(src, 'LICENSE'), 'MIT\n');
  const vsix = path.join(dir, 'language-pack-pt-br.vsix');
  await vsce.createVSIX({ cwd: src, packagePath: vsix, dependencies: false, allowMissingRepository: true });
  return vsix;
}

interface Localization {
  languageId: string;
  localizedLanguageName?: string;
  languageName?: string;
  translations: { id: string; path: string }[];
}

/**
 * Records the language packs installed in `extensionsDir` in `userDataDir/languagepacks.json`, in
 * the form of VS Code's LanguagePacksCache (platform/languagePacks/node/languagePacks.ts): per
 * language, an md5 of the packs' ids and versions, the packs, the translation files by id, a label.
 */
export function registerLanguagePacks(extensionsDir: string, userDataDir: string): string[] {
  const packs: Record<
    string,
    { hash: string; extensions: object[]; translations: Record<string, string>; label?: string }
  > = {};
  const hashes: Record<string, ReturnType<typeof createHash>> = {};
  for (const dir of fs.readdirSync(extensionsDir)) {
    const manifestFile = path.join(extensionsDir, dir, 'package.json');
    if (!fs.existsSync(manifestFile)) continue;
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as {
      publisher: string;
      name: string;
      version: string;
      contributes?: { localizations?: Localization[] };
    };
    const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
    for (const l of manifest.contributes?.localizations ?? []) {
      const pack = (packs[l.languageId] ??= {
        hash: '',
        extensions: [],
        translations: {},
        label: l.localizedLanguageName ?? l.languageName,
      });
      pack.extensions.push({ extensionIdentifier: { id }, version: manifest.version });
      (hashes[l.languageId] ??= createHash('md5')).update(id).update(manifest.version);
      for (const t of l.translations) pack.translations[t.id] = path.join(extensionsDir, dir, t.path);
    }
  }
  for (const [language, hash] of Object.entries(hashes)) packs[language].hash = hash.digest('hex');
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
  return Object.keys(packs);
}
