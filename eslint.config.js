// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The layer rules of docs/architecture.md, as rules: data flows adapter → handler → service →
 * store and never back; the tab reaches the service only through bot/contract/.
 */

export default tseslint.config(
  { ignores: ['dist/', 'tab/dist/', 'node_modules/', 'coverage/', '.test-results/', 'devTools/', '.azurite/', 'appPackage/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.json', 'tab/tsconfig.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      // Unused names are usually mistakes; a leading underscore says "deliberately unused".
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrors: 'none',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // `any` needs a reason beside it: an eslint-disable comment is that reason.
      '@typescript-eslint/no-explicit-any': 'error',
      // Control characters are the point of several input-hardening regexes.
      'no-control-regex': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['tab/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // The layers, by where an import resolves to (so any spelling of a path, and `import()`, counts).
  {
    files: ['bot/**/*.ts', 'tab/src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: [
            {
              target: './tab/src',
              from: './bot',
              except: ['./contract'],
              message: 'The tab imports the service only from bot/contract/.',
            },
            {
              target: './bot/contract',
              from: './bot',
              except: ['./contract'],
              message: 'bot/contract/ is what the tab shares with the service: it imports nothing else from bot/.',
            },
            {
              target: './bot/store',
              from: ['./bot/services', './bot/teams', './bot/http', './bot/cards'],
              message: 'Stores are the bottom layer: they import no services, Teams handlers, HTTP routes or cards.',
            },
            {
              target: './bot/domain',
              from: ['./bot/services', './bot/store', './bot/teams', './bot/http', './bot/cards'],
              message: 'The domain is pure logic: no services, stores, Teams handlers, HTTP routes or cards.',
            },
            {
              target: './bot/services',
              from: ['./bot/teams', './bot/http'],
              message: 'Services return outcomes; the Teams and HTTP layers call them, never the other way.',
            },
            {
              target: './bot/cards',
              from: ['./bot/services', './bot/store', './bot/teams', './bot/http'],
              message: 'Cards are pure functions of a view model: no services, stores, Teams handlers or HTTP routes.',
            },
          ],
        },
      ],
    },
  },
  // Packages a layer may not use. botbuilder stays inside bot/teams/ and bot/http/; bot/contract/ is
  // bundled into the tab, so it uses only what both sides run.
  {
    files: ['bot/contract/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\.|zod$|luxon$|vitest$)', message: 'bot/contract/ uses only zod and luxon.' }] },
      ],
    },
  },
  {
    files: ['bot/services/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(botbuilder|botframework-)', message: 'botbuilder types stay inside bot/teams/ and bot/http/.' },
            { regex: '^(\\.\\./)+cards/', message: 'Services return outcomes; bot/teams/ turns them into cards.' },
            // A message key's type may be named; the words are picked when rendering.
            { regex: '^(\\.\\./)+i18n/', allowTypeImports: true, message: 'Services carry data; words are picked when rendering.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(botbuilder|botframework-)', message: 'botbuilder types stay inside bot/teams/ and bot/http/.' }] },
      ],
      // The shared validators still word their problems through the translator they are given, with
      // English as the default for the API; that default is what remains to go (see docs/architecture.md).
      'no-restricted-imports': [
        'warn',
        { patterns: [{ regex: '^(\\.\\./)+i18n/', message: 'The domain carries data; words are picked when rendering.' }] },
      ],
    },
  },
);
