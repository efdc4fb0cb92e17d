// ESLint for the SPA (`npm run lint`, part of `make spa-check`): the JavaScript and typescript-eslint
// recommended rules, and React's rules of hooks with the React Compiler's checks
// (eslint-plugin-react-hooks 7). Warnings fail the run too (--max-warnings 0).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  // Generated (graphql-codegen), built, or written by test runs.
  globalIgnores(['frontend/src/gql/', 'frontend/dist/', 'frontend/e2e/out/', 'bin/', 'data/']),
  {
    name: 'spa',
    files: ['frontend/src/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended, reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    name: 'build configuration',
    files: ['vite.config.ts', 'vitest.config.ts', 'codegen.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'node scripts (codegen check, this file)',
    files: ['frontend/scripts/**/*.mjs', 'eslint.config.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    // Node, and the functions they hand to the page (waitForFunction, evaluate) run in the browser.
    name: 'browser tests',
    files: ['frontend/e2e/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
]);
