/**
 * The store can be deleted and rebuilt from the sources at any time (DESIGN
 * §5): after any sequence of edits to two sources' files (rows added,
 * changed, deleted, files reverted to earlier versions) with syncs in
 * between, the store equals both the store rebuilt from the final files and
 * what those files give, snapshot for snapshot; files that end up giving one
 * key twice are refused by both.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/core/metrics.js';
import { importSources, sourceJobs } from '../../src/import/sync-sources.js';
import type { SyncProject } from '../../src/import/sync-sources.js';
import { openStore } from '../../src/store/open-store.js';
import type { SnapshotStore } from '../../src/store/snapshot-store.js';
import { tempDir } from '../helpers/temp-dir.js';

const METRICS = ['csat', 'fcr'];
const DATES = ['2026-07-06', '2026-07-13', '2026-07-20', '2026-07-27'];
const KEYS = METRICS.flatMap((metric) => DATES.map((date) => ({ metric, date })));
const FILES = ['a', 'b'] as const;
type File = (typeof FILES)[number];

type Edit =
  | { kind: 'set'; file: File; key: number; value: number }
  | { kind: 'delete'; file: File; key: number }
  | { kind: 'revert'; file: File; back: number }
  | { kind: 'sync' };

const file = fc.constantFrom(...FILES);
const key = fc.integer({ min: 0, max: KEYS.length - 1 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      file,
      key,
      value: fc.integer({ min: 0, max: 100 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), file, key }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('revert' as const),
      file,
      back: fc.integer({ min: 1, max: 4 }),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'sync' as const }) },
);

/** A file's rows in file order: key index → value. */
type Rows = Map<number, number>;

function render(rows: Rows): string {
  let text = 'date,metric,value\n';
  for (const [k, value] of rows) text += `${KEYS[k]!.date},${KEYS[k]!.metric},${value}\n`;
  return text;
}

function projectIn(dir: string): SyncProject {
  return {
    sources: FILES.map((id) => ({ id, path: `${id}.csv`, layout: 'long' as const, date: 'date' })),
    dir,
    cwd: dir,
    timeZone: 'UTC',
    catalog: buildCatalog([]),
    goalsFile: { displayPath: 'goals.yaml', positionOf: () => ({ line: 1, column: 1 }) },
  };
}

async function sync(project: SyncProject, store: SnapshotStore): Promise<boolean> {
  const outcome = await importSources(project, store, sourceJobs(project, project.dir), {
    now: new Date('2026-11-16T09:00:00Z'),
  });
  for (const f of outcome.failures) expect(f.error.findings[0]?.rule).toBe('import/source-overlap');
  return outcome.failures.length === 0;
}

const contents = (store: SnapshotStore) =>
  store.listSnapshots().map((s) => [s.metric, s.segment, s.date, s.value, s.source]);

describe('rebuild property', () => {
  it('incremental syncs and a rebuild from the final files agree, snapshot for snapshot', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 14 }), async (edits) => {
        const dir = tempDir();
        const project = projectIn(dir);
        const rows: Record<File, Rows> = { a: new Map(), b: new Map() };
        const versions: Record<File, Rows[]> = { a: [], b: [] };
        const write = (f: File) => {
          versions[f].push(new Map(rows[f]));
          writeFileSync(join(dir, `${f}.csv`), render(rows[f]));
        };
        write('a');
        write('b');
        const store = openStore(':memory:');
        try {
          for (const e of edits) {
            if (e.kind === 'sync') {
              await sync(project, store);
              continue;
            }
            if (e.kind === 'set') rows[e.file].set(e.key, e.value);
            else if (e.kind === 'delete') rows[e.file].delete(e.key);
            else {
              const earlier = versions[e.file][Math.max(0, versions[e.file].length - 1 - e.back)]!;
              rows[e.file] = new Map(earlier);
            }
            write(e.file);
          }
          const isIncrementalOk = await sync(project, store);
          const rebuilt = openStore(':memory:');
          try {
            const isRebuildOk = await sync(project, rebuilt);
            // What the final files give, computed here: a key in both files is an overlap.
            const overlap = [...rows.a.keys()].some((k) => rows.b.has(k));
            expect({ isIncrementalOk, isRebuildOk }).toEqual({
              isIncrementalOk: !overlap,
              isRebuildOk: !overlap,
            });
            if (overlap) return;
            const expected = FILES.flatMap((f) =>
              [...rows[f]].map(([k, value]) => [KEYS[k]!.metric, '', KEYS[k]!.date, value, f]),
            ).sort((x, y) => `${x[0]} ${x[2]}`.localeCompare(`${y[0]} ${y[2]}`));
            expect(contents(store)).toEqual(expected);
            expect(contents(rebuilt)).toEqual(expected);
          } finally {
            rebuilt.close();
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
