// The tests `npm run mutate` runs against each mutant of src/core: the unit
// tests of the code base, without the ones that spawn the built CLI (they run
// dist/, which Stryker does not mutate) and without the generated-input tests
// (property, differential, fuzz: thousands of runs per mutant). A mutant that
// only they catch counts as a survivor, to be killed by a test with exact values.
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'test/core/**/*.test.ts',
      'test/config/**/*.test.ts',
      'test/report/**/*.test.ts',
      'test/import/**/*.test.ts',
    ],
    exclude: [
      ...configDefaults.exclude,
      '**/*.property.test.ts',
      '**/*.differential.test.ts',
      '**/*.fuzz.test.ts',
      '**/*.opening-hours.test.ts',
      'test/core/confidence-calibration.test.ts',
      'test/import/process-safety.test.ts',
      'test/import/read-csv-quick.test.ts',
    ],
  },
});
