import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // assembly/ is AssemblyScript (compiled by scripts/build-wasm.mjs), not TypeScript for tsc
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'assembly/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // The pure core never touches the process, the file system, the terminal or the clock.
    files: ['src/domain/**', 'src/accounting/parse/**', 'src/providers/**', 'src/stats/**', 'src/rules/**', 'src/config/**', 'src/aggregate/**'],
    ignores: ['**/*-io.ts', '**/io/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:fs', 'node:fs/*', 'fs', 'chokidar', 'ink', 'react', 'node:child_process', 'node:worker_threads'], message: 'Pure core: do IO in src/io or a *-io.ts edge module.' },
      ] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'Pure core: pass what you need in.' }],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: { process: 'readonly', URL: 'readonly' } } },
);
