// The person's language in unit tests: the pt-BR bundle the extension ships, loaded as the host
// loads it (core/l10n.ts useLanguage), for a describe block; English again after it.
import { useLanguage, type L10nBundle } from '../../../src/core/l10n';
import { readJson } from '../../support/english';

export function readBundle(name: 'bundle.l10n.json' | 'bundle.l10n.pt-br.json'): Record<string, string> {
  return readJson('l10n', name);
}

/** Mocha hooks: Brazilian Portuguese for the tests of the enclosing describe. */
export function inPortuguese(): void {
  before(() => useLanguage('pt-br', readBundle('bundle.l10n.pt-br.json') as L10nBundle));
  after(() => useLanguage('en', undefined));
}
