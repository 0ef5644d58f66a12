// Lint enforces the architecture of DESIGN §2: core is pure, and each heavy
// library has one door into the code base.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const only = (name, door) => ({
  name,
  message: `Only ${door} may import ${name}.`,
  allowTypeImports: true,
});

const doors = {
  yaml: only('yaml', 'src/config/'),
  // The store, and warehouse sources that are SQLite files (read-only).
  'better-sqlite3': only('better-sqlite3', 'src/store/ and src/warehouse/'),
  pg: only('pg', 'src/warehouse/'),
  'csv-parse': only('csv-parse', 'src/import/'),
  'csv-parse/sync': only('csv-parse/sync', 'src/import/'),
  'cli-table3': only('cli-table3', 'src/report/'),
  '@inquirer/prompts': only('@inquirer/prompts', 'src/cli/prompts.ts'),
  // Charts of the HTML report; loaded only by `goals report --format html`.
  'd3-scale': only('d3-scale', 'src/report/html/'),
  'd3-shape': only('d3-shape', 'src/report/html/'),
  'd3-time': only('d3-time', 'src/report/html/'),
  'd3-time-format': only('d3-time-format', 'src/report/html/'),
  // Test and script tools, never part of the program.
  'playwright-core': only('playwright-core', 'tests and scripts/'),
  'markdown-it': only('markdown-it', 'tests'),
  parse5: only('parse5', 'tests'),
};

/** The library paths a folder may not import (all doors but its own). */
const restrictedFor = (...own) =>
  Object.entries(doors)
    .filter(([name]) => !own.includes(name))
    .map(([, rule]) => rule);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/.work/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'Return an exit code; only src/main.ts sets process.exitCode.',
        },
      ],
      'no-restricted-imports': ['error', { paths: restrictedFor() }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...restrictedFor(),
            ...[
              'fs',
              'node:fs',
              'fs/promises',
              'node:fs/promises',
              'chalk',
              'node:child_process',
            ].map((name) => ({ name, message: 'src/core is pure: no I/O, no colour.' })),
          ],
          patterns: [
            {
              group: ['../config/*', '../store/*', '../import/*', '../report/*', '../cli/*'],
              message: 'src/core depends on nothing but itself (type imports excepted).',
              allowTypeImports: true,
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core is pure: pass what you need in.' },
        { name: 'console', message: 'src/core is pure.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'src/core has no clock: take asOf as an argument.',
        },
      ],
    },
  },
  {
    files: ['src/config/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: restrictedFor('yaml') }] },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: restrictedFor('better-sqlite3') }] },
  },
  {
    files: ['src/warehouse/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: restrictedFor('pg', 'better-sqlite3') }],
    },
  },
  {
    files: ['src/import/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: restrictedFor('csv-parse', 'csv-parse/sync') }],
    },
  },
  {
    files: ['src/report/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: restrictedFor('cli-table3') }] },
  },
  {
    files: ['src/report/html/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: restrictedFor('cli-table3', 'd3-scale', 'd3-shape', 'd3-time', 'd3-time-format') },
      ],
    },
  },
  {
    files: ['src/cli/prompts.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: restrictedFor('@inquirer/prompts') }] },
  },
  {
    files: ['src/main.ts', 'bench/**', 'scripts/**'],
    rules: { 'no-console': 'off', 'no-restricted-syntax': 'off' },
  },
  { files: ['test/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
);
