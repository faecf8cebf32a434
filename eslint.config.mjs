import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '.data/**',
      'libs/api-client/src/schema.d.ts',
      'apps/web/e2e/screenshots/**',
      'bench/tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Every promise is awaited or explicitly voided: an unawaited assertion passes vacuously.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      // Nest decorators and class-validator DTOs use classes only for metadata.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // Tests read response bodies, which supertest types as any.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      // The browser's own date input writes "mm/dd/yyyy" whatever the reader's language.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='type'][value.value='date']",
          message: 'Use components/DateField: a calendar date in the reader’s language.',
        },
      ],
    },
  },
  {
    // One feature, one folder (DESIGN.md §1, docs/architecture.md "Boundaries"): a feature reaches
    // another only through its index.ts, the shared layers never reach a feature, and no chain of
    // imports comes back to where it started. The composition roots (apps/api/src/*.ts,
    // apps/web/src/main.tsx) belong to no element and wire every feature.
    files: ['apps/api/src/**/*.ts', 'apps/web/src/**/*.{ts,tsx}'],
    plugins: { boundaries, 'import-x': importX },
    settings: {
      // The first descriptor that matches a folder classifies it.
      'boundaries/elements': [
        { type: 'api-migrations', pattern: 'apps/api/src/database/migrations' },
        { type: 'api-shared', pattern: 'apps/api/src/(common|config|database|openapi)' },
        { type: 'api-feature', pattern: 'apps/api/src/*', capture: ['feature'] },
        { type: 'web-app', pattern: 'apps/web/src/app' },
        { type: 'web-testing', pattern: 'apps/web/src/testing' },
        { type: 'web-i18n', pattern: 'apps/web/src/i18n' },
        { type: 'web-feature', pattern: 'apps/web/src/features/*', capture: ['feature'] },
        { type: 'web-shared', pattern: 'apps/web/src/*' },
      ],
      'boundaries/files': [{ category: 'test', pattern: '**/*.{spec,test}.{ts,tsx}' }],
      'boundaries/include': ['apps/api/src/**/*', 'apps/web/src/**/*'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      // import-x reads only the files it knows how to parse; without these it sees no TypeScript.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // The last policy that matches an import decides.
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              disallow: { to: { element: { types: { anyOf: ['api-feature', 'web-feature'] } } } },
              message: 'Import another feature through its index.ts, not its internals.',
            },
            {
              allow: {
                to: {
                  element: { types: { anyOf: ['api-feature', 'web-feature'] }, fileInternalPath: 'index.ts' },
                },
              },
            },
            {
              from: { element: { types: { anyOf: ['api-shared', 'web-shared', 'web-i18n'] } } },
              // A type may be named (the write path takes the AuditService it is given); code never is.
              disallow: {
                to: { element: { types: { anyOf: ['api-feature', 'web-feature', 'web-app'] } } },
                dependency: { kind: 'value' },
              },
              message: "The shared layers serve the features; they never import one's code.",
            },
            // Explicitly public files: the reference data migrations load, the lazy route chunks the
            // router loads, the query keys other features' saves refresh, the translations i18n registers, and the fixtures other features' tests use.
            {
              from: { element: { type: 'api-migrations' } },
              allow: { to: { element: { type: 'api-feature', fileInternalPath: 'reference/*.ts' } } },
            },
            {
              from: { element: { type: 'web-app' } },
              allow: { to: { element: { type: 'web-feature', fileInternalPath: 'routes/*Route.tsx' } } },
            },
            // The router's loaders prefetch a screen's data with the feature's query options while the
            // screen's chunk loads; through the index they would pull the feature's components into
            // the first chunk every visit loads.
            {
              from: { element: { type: 'web-app' } },
              allow: { to: { element: { type: 'web-feature', fileInternalPath: 'api/*.ts' } } },
            },
            // A feature's query keys: a change saved in one feature refreshes what another shows.
            {
              from: { element: { type: 'web-feature' } },
              allow: { to: { element: { type: 'web-feature', fileInternalPath: 'api/keys.ts' } } },
            },
            {
              from: { element: { type: 'web-i18n' } },
              allow: { to: { element: { type: 'web-feature', fileInternalPath: 'locales/*.json' } } },
            },
            {
              from: { file: { categories: 'test' } },
              allow: { to: { element: { type: 'web-feature', fileInternalPath: 'testing/*' } } },
            },
            // A test may drive another feature's endpoint hooks to check what this feature shows after them.
            {
              from: { file: { categories: 'test' } },
              allow: { to: { element: { type: 'web-feature', fileInternalPath: 'api/*.ts' } } },
            },
          ],
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  prettier,
);
