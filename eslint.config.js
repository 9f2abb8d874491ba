// ESLint for the whole workspace (`pnpm lint`, part of `pnpm test`): typescript-eslint for
// TypeScript, the Lit, web-components and lit-a11y plugins for the components.
import js from '@eslint/js';
import litA11y from 'eslint-plugin-lit-a11y';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/storybook-static/**',
      '**/coverage/**',
      'packages/server/openapi.json',
      '**/*.generated.ts',
      'examples/*/public/**',
      '**/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // The layers import one way: elements → core ← server (docs/architecture.md).
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/contract/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@advocacy-kit/elements', '@advocacy-kit/elements/*', '@advocacy-kit/server', '@advocacy-kit/server/*'],
              message: 'core depends on no other package of the kit.',
            },
            {
              group: ['**/contract/schemas.js', '**/contract/operations.js', '**/contract/openapi.js', '**/contract/index.js'],
              allowTypeImports: true,
              message: 'Browser code takes only types from the contract definitions (they pull in TypeBox).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@advocacy-kit/server', '@advocacy-kit/server/*'], message: 'Components speak to a backend through core only.' },
            {
              group: ['@advocacy-kit/core/contract'],
              allowTypeImports: true,
              message: 'Browser code takes only types from the contract definitions (they pull in TypeBox).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    ignores: ['packages/server/src/cli.ts', 'packages/server/src/seed.ts', 'packages/server/src/gamification/seed.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@advocacy-kit/elements', '@advocacy-kit/elements/*'], message: 'The server knows nothing of the components.' },
            {
              group: ['@advocacy-kit/core/memory'],
              allowTypeImports: true,
              message: 'Business rules come from @advocacy-kit/core/rules; only the demo seed reads the memory backend.',
            },
          ],
        },
      ],
    },
  },
  {
    // Migrations are frozen files: they take `Kysely<any>` so they never depend on the live schema types.
    files: ['packages/server/src/**/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Chai's property assertions (`expect(x).to.be.true`) are expressions.
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['packages/elements/src/**/*.ts', 'examples/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts', 'examples/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts', 'examples/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: litA11y.configs.recommended.rules,
  },
);
