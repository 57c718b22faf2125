import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'http',
  'net',
  'url',
  'util',
];
const nodeImports = NODE_BUILTINS.flatMap((name) => [name, `node:${name}`]);

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'docs/**', 'bench/.work/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,ts}'],
    ignores: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer is a web page: no Node, no Electron, only window.api.
      'no-restricted-imports': [
        'error',
        { paths: ['electron', ...nodeImports], patterns: ['**/main/**', '**/preload/**'] },
      ],
    },
  },
  {
    // The core runs the same in Electron, the CLI and the tests: it never imports electron.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron', 'electron-store'] }] },
  },
  {
    // The contract is shared by every process: nothing platform-specific.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron', ...nodeImports], patterns: ['**/main/**', '**/preload/**', '**/renderer/**'] },
      ],
    },
  },
  prettier,
);
