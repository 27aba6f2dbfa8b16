import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInShells = {
  paths: [
    {
      name: 'electron',
      message:
        'Core code runs in plain Node: keep electron in src/main/index.ts, src/main/platform and src/preload.',
    },
  ],
  patterns: [{ group: ['electron/*'], message: 'Core code runs in plain Node.' }],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'reports/**',
      '.cache/**',
      'bench/.build/**',
      'bench/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'src/main/services/**',
      'src/main/db/**',
      'src/main/ipc/**',
      'src/main/browser/**',
      'src/shared/**',
    ],
    rules: { 'no-restricted-imports': ['error', electronOnlyInShells] },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer reaches main only through window.api.',
            },
            {
              group: ['node:*', 'electron', 'better-sqlite3'],
              message: 'The renderer never gets Node.',
            },
          ],
        },
      ],
    },
  },
);
