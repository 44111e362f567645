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
);
