// Lint: the recommended rules of ESLint and typescript-eslint, and the project's boundary rules
// (eslint-rules/boundaries.js, decision 012); type checking is `tsc` (npm run check).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from './eslint-rules/boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', 'web/src/app/api-schema.d.ts', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Production code of the server; tests may reach into a feature to build their world.
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    plugins: { ocop: boundaries },
    rules: {
      'ocop/feature-surface': 'error',
      'ocop/routes-without-repositories': 'error',
      'ocop/sql-in-repositories': 'error',
    },
  },
);
