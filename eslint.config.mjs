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

// Direction inside main: shell (index.ts, browser/) → app.ts → ipc/ → domain folders and services/
// → db/. Each layer below lists what it may never import; tests are exempt (they build whole apps).
const DOMAINS = [
  'accounts',
  'backups',
  'health',
  'host',
  'privacy',
  'registry',
  'reports',
  'residents',
  'roster',
  'stock',
  'today',
];
// Relative specifiers climbing to src/main/<folder> (`../ipc/router`, `../../app`, …).
const mainFolder = (names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;
// platform/ is the shell's; its two plain-Node file helpers are open to the core.
const shellPlatform = '^(\\.\\./)+platform/(?!(dataDir|folderLock)$)';
const restrict = (regex, message) => ({ regex, message });
const layerRule = (...patterns) => [
  'error',
  { paths: electronOnlyInShells.paths, patterns: [...electronOnlyInShells.patterns, ...patterns] },
];
const notShell = restrict(mainFolder(['index', 'browser']), 'Nothing inside main imports a shell.');
const notApp = restrict(mainFolder(['app']), 'Only the shells import app.ts.');
const notPlatform = restrict(shellPlatform, 'The shell platform (electron) is for the shells.');
const notIpc = restrict(
  mainFolder(['ipc']),
  'Services are plain functions: the router calls them.',
);
const notTesting = restrict(mainFolder(['testing']), 'Test helpers are for tests.');
const notServices = restrict(
  mainFolder(['services', ...DOMAINS]),
  'db/ knows no domain: the app wires services to it.',
);
const coreFiles = (folders) => folders.map((f) => `src/main/${f}/**`);
const TESTS = ['**/*.test.ts'];

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
    files: ['src/main/ipc/**'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': layerRule(notShell, notApp, notPlatform, notTesting) },
  },
  {
    files: coreFiles(['services', ...DOMAINS]),
    ignores: TESTS,
    rules: {
      'no-restricted-imports': layerRule(notShell, notApp, notPlatform, notIpc, notTesting),
    },
  },
  {
    files: ['src/main/db/**'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': layerRule(
        notShell,
        notApp,
        notPlatform,
        notIpc,
        notTesting,
        notServices,
      ),
    },
  },
  {
    files: ['src/main/app.ts'],
    rules: { 'no-restricted-imports': layerRule(notShell) },
  },
  {
    files: ['src/main/browser/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', electronOnlyInShells] },
  },
  {
    // Tests may cross layers, but the core's tests still run in plain Node.
    files: ['ipc', 'db', 'services', ...DOMAINS].map((f) => `src/main/${f}/**/*.test.ts`),
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
