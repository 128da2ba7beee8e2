import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // No import cycles in the product: a module never imports, directly or through others, a
    // module that imports it back.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // The layers read downward (cli -> input -> model; documents -> render; batch beside them):
      // a module never imports one from a layer above it.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: 'src/model',
              from: ['src/cli', 'src/input', 'src/documents', 'src/render', 'src/batch'],
            },
            { target: 'src/input', from: ['src/cli', 'src/documents', 'src/render', 'src/batch'] },
            { target: 'src/documents', from: ['src/cli', 'src/input', 'src/render', 'src/batch'] },
            { target: 'src/render', from: ['src/cli', 'src/input', 'src/batch'] },
            { target: 'src/batch', from: ['src/cli'] },
          ],
        },
      ],
      // Files stay small and functions plain. max-lines counts every line, blank lines and
      // comments included, so it agrees with `wc -l`.
      'max-lines': ['error', { max: 450, skipBlankLines: false, skipComments: false }],
      complexity: ['error', 20],
    },
  },
  {
    // The commands' work (cli/run/, loaded with import() when a command runs) imports
    // cli/options.ts: a value import of commander in either would bundle it a second time into
    // dist/lazy/ (scripts/build.mjs). Types are free; options are made with cmd.createOption().
    files: ['src/cli/options.ts', 'src/cli/run/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'commander',
              allowTypeImports: true,
              message: 'types only: cli/run/ is bundled apart',
            },
          ],
        },
      ],
    },
  },
  {
    // The model knows fields, not flags: its words name `state`, never `--state` (the CLI alone
    // maps a field to its flag).
    files: ['src/model/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'Literal[value=/(^|[\\s(])--[a-z]/]',
          'TemplateElement[value.raw=/(^|[\\s(])--[a-z]/]',
        ].map((selector) => ({ selector, message: 'a flag name in src/model/: name the field' })),
      ],
    },
  },
  {
    files: ['bench/**', 'examples/**', 'scripts/**', 'tests/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // bin/ is CommonJS (bin/package.json): the shim require()s the ESM bundle.
    files: ['bin/**'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
