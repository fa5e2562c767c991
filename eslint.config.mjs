// Flat config: typescript-eslint's recommended rules on every TypeScript file, plus the layering
// of docs/architecture.md: each room of src/ imports only the rooms below it, and only views,
// vscode and extension.ts may import 'vscode'. Lines stay within prettier's width.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Each room of src/ and the rooms it may import (besides itself). */
const ROOMS = {
  core: [],
  platform: ['core'],
  server: ['core'],
  shared: ['core'],
  webview: ['core', 'shared'],
  features: ['core', 'platform', 'shared'],
  vscode: ['core', 'platform', 'shared', 'features'],
  views: ['core', 'platform', 'shared', 'features', 'vscode'],
};
const EDITOR_ROOMS = new Set(['vscode', 'views']);

function layering() {
  const all = Object.keys(ROOMS);
  return Object.entries(ROOMS).map(([room, allowed]) => {
    const forbidden = all.filter((r) => r !== room && !allowed.includes(r));
    return {
      files: [`src/${room}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: EDITOR_ROOMS.has(room)
              ? []
              : [{ name: 'vscode', message: `${room} must not depend on VS Code (docs/architecture.md).` }],
            patterns: forbidden.map((r) => ({
              group: [`**/${r}`, `**/${r}/**`],
              message: `${room} may import only ${['itself', ...allowed].join(', ')} (docs/architecture.md).`,
            })),
          },
        ],
      },
    };
  });
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '.vscode-test/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'multi-line'],
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
      'no-console': 'off',
    },
  },
  ...layering(),
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/views', '**/src/views/**'], message: 'views are adapters to VS Code only.' }] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
