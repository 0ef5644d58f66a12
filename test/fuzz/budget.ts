/**
 * How much a fuzz test runs: a short seeded run in `npm test` (the same
 * inputs every time, a few seconds), or, from `npm run fuzz`
 * (scripts/fuzz.mjs), as many inputs as fit in GOALS_FUZZ_SECONDS with
 * GOALS_FUZZ_SEED; each test then appends what it tried to GOALS_FUZZ_REPORT.
 */
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';

export const IS_LONG_RUN = Number(process.env.GOALS_FUZZ_SECONDS ?? 0) > 0;

export function fuzzParameters(shortRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.GOALS_FUZZ_SEED ?? 20261116);
  if (!IS_LONG_RUN) return { seed, numRuns: shortRuns };
  return {
    seed,
    numRuns: Number.MAX_SAFE_INTEGER,
    interruptAfterTimeLimit: Number(process.env.GOALS_FUZZ_SECONDS) * 1000,
    markInterruptAsFailure: false,
  };
}

/** Runs a property; fails the test with fast-check's report (the shrunk input, the seed). */
export async function runFuzz(
  name: string,
  property: fc.IAsyncProperty<[string]> | fc.IAsyncProperty<[string, boolean]>,
  parameters: fc.Parameters<unknown>,
  outcomes: Record<string, number>,
  /** More to report, read when the run ends (the slowest input …). */
  notes: () => Record<string, unknown> = () => ({}),
): Promise<void> {
  const started = Date.now();
  const details = await fc.check(property as fc.IAsyncProperty<unknown[]>, parameters);
  if (process.env.GOALS_FUZZ_REPORT) {
    appendFileSync(
      process.env.GOALS_FUZZ_REPORT,
      `${JSON.stringify({
        name,
        inputs: details.numRuns,
        seconds: Math.round((Date.now() - started) / 100) / 10,
        seed: details.seed,
        failed: details.failed,
        outcomes,
        ...notes(),
        ...(details.failed ? { report: fc.defaultReportMessage(details) } : {}),
      })}\n`,
    );
  }
  if (details.failed) throw new Error(fc.defaultReportMessage(details));
}
