#!/usr/bin/env node
/**
 * Mutation testing of src/core (issue 16): `npm run mutate [-- <part> ...]`.
 * A part is a folder or file under src/core (`figures`, `records`, `values.ts`).
 * Without parts, every file directly in src/core and every folder, in turn.
 * Each part keeps its own incremental file and report under
 * reports/mutation/<part>/ (git-ignored), so a run can stop after any part and
 * the next one only re-tests what changed. `npm run mutate -- --summary` prints
 * the per-file table of every part's last report without running anything.
 * `--concurrency N`: test runners at once (default: 1 on a machine of 2 cores
 * or fewer, which other work shares; else the cores less one).
 * Settings shared by all parts: stryker.config.mjs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const CORE = 'src/core';
const REPORTS = 'reports/mutation';

const { values, positionals } = parseArgs({
  options: {
    summary: { type: 'boolean', default: false },
    concurrency: { type: 'string' },
  },
  allowPositionals: true,
});

const concurrency = Number(values.concurrency ?? Math.max(1, availableParallelism() - 1));
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(`--concurrency ${values.concurrency}: give a whole number of runners, 1 or more`);
  process.exit(2);
}

/** Every part: each file directly in src/core, then each folder. */
function allParts() {
  const names = readdirSync(CORE).sort();
  const isFolder = (name) => statSync(join(CORE, name)).isDirectory();
  return [...names.filter((name) => !isFolder(name)), ...names.filter(isFolder)];
}

function mutatePattern(part) {
  const path = join(CORE, part);
  if (!existsSync(path))
    throw new Error(`${path} does not exist: give a folder or file under ${CORE}`);
  return [statSync(path).isDirectory() ? `${path}/**/*.ts` : path];
}

const reportDir = (part) => join(REPORTS, part.replace(/\.ts$/, '').replaceAll('/', '-'));

async function run(part) {
  const { Stryker } = await import('@stryker-mutator/core');
  const dir = reportDir(part);
  console.log(`\nmutation testing ${part} → ${dir}/index.html`);
  await new Stryker({
    mutate: mutatePattern(part),
    concurrency,
    incrementalFile: join(dir, 'incremental.json'),
    htmlReporter: { fileName: join(dir, 'index.html') },
    jsonReporter: { fileName: join(dir, 'mutation.json') },
  }).runMutationTest();
}

/**
 * Stryker's mutation score per file, from every part's last JSON report:
 * (killed + timeout) ÷ (killed + timeout + survived + no coverage); mutants
 * that do not compile, error at run time or are disabled with a reason count
 * in neither.
 */
function summary() {
  const rows = new Map();
  // the newest report of a file wins (a file can be a part of its own and in its folder's)
  const reports = (existsSync(REPORTS) ? readdirSync(REPORTS) : [])
    .map((dir) => join(REPORTS, dir, 'mutation.json'))
    .filter((json) => existsSync(json))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  for (const json of reports) {
    const { files } = JSON.parse(readFileSync(json, 'utf8'));
    for (const [file, { mutants }] of Object.entries(files)) {
      const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
      rows.set(file, {
        killed: count('Killed', 'Timeout'),
        survived: count('Survived'),
        noCoverage: count('NoCoverage'),
        ignored: count('Ignored'),
      });
    }
  }
  if (rows.size === 0) {
    console.log(`no report under ${REPORTS}/: run npm run mutate first`);
    return;
  }
  const score = (r) => {
    const valid = r.killed + r.survived + r.noCoverage;
    return valid === 0 ? 100 : (100 * r.killed) / valid;
  };
  const total = { killed: 0, survived: 0, noCoverage: 0, ignored: 0 };
  const files = [...rows.keys()].sort();
  const width = Math.max(...files.map((f) => f.length), 'all files'.length);
  const line = (name, r) =>
    `${name.padEnd(width)}  ${score(r).toFixed(2).padStart(6)}  ${String(r.killed).padStart(6)}  ${String(r.survived).padStart(8)}  ${String(r.noCoverage).padStart(6)}  ${String(r.ignored).padStart(7)}`;
  console.log(`${'file'.padEnd(width)}  ${'score'.padStart(6)}  killed  survived  no cov  ignored`);
  for (const file of files) {
    const r = rows.get(file);
    for (const key of Object.keys(total)) total[key] += r[key];
    console.log(line(file, r));
  }
  console.log(line('all files', total));
}

const failed = [];
if (!values.summary) {
  for (const part of positionals.length ? positionals : allParts()) {
    // one part that cannot run (a failing test, a type error) does not stop the others
    await run(part).catch((error) => {
      console.error(`${part}: ${error.message}`);
      failed.push(part);
    });
  }
}
summary();
if (failed.length > 0) {
  console.error(`not run: ${failed.join(', ')}`);
  process.exitCode = 1;
}
