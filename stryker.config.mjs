// Mutation testing of src/core (issue 16): `npm run mutate`, or one folder or
// file at a time (docs/mutation.md). Not in CI: it takes hours on 2 cores.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/core/**/*.ts'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  checkers: ['typescript'],
  // src only: a mutant that does not compile is never run
  tsconfigFile: 'tsconfig.build.json',
  coverageAnalysis: 'perTest',
  incremental: true,
  // A static mutant (in a module-level constant: a rule's id, letter, description) is active
  // from import, so every test runs against it: src/core/rules alone has 172, which would
  // take days on 2 cores. They are reported as ignored, not run (docs/mutation.md).
  ignoreStatic: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  // the sandbox needs src, test and the configs, not the build or the benchmarks' data
  ignorePatterns: ['dist', 'reports', 'bench/.work', 'coverage', '.goals'],
  thresholds: { high: 90, low: 85, break: null },
};
