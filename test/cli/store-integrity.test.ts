/**
 * The store always matches the sources (issue 15): each case once failed.
 * Expected values are worked out by hand in the comments.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../helpers/memory-io.js';
import { tempDir } from '../helpers/temp-dir.js';

const GOAL = `goals:
  - id: csat-q3
    title: Reach 85% CSAT by the end of Q3
    owner: Maria
    metric: csat
    baseline: 70
    target: 85
    start: 2026-07-01
    deadline: 2026-09-30
`;

const source = (id: string, path = `${id}.csv`) =>
  `  - { id: ${id}, path: ${path}, layout: long, date: date }\n`;

function project(sources: string[], files: Record<string, string>, settings = ''): string {
  return tempDir({
    'goals.yaml': `version: 1\n${settings}sources:\n${sources.map((s) => source(s)).join('')}${GOAL}`,
    ...files,
  });
}

/** Every snapshot of the store: metric, segment, date, value and its owner. */
function snapshots(dir: string): Array<[string, string, number, string | null]> {
  const store = openStore(join(dir, '.goals', 'goals.db'), { readonly: true });
  try {
    return store.listSnapshots().map((s) => [s.metric, s.date, s.value, s.source]);
  } finally {
    store.close();
  }
}

async function check(dir: string, asOf = '2026-07-20') {
  const r = await runCli(['check', '--as-of', asOf, '--format', 'json', '--fail-on', ''], {
    cwd: dir,
  });
  const goal = r.code === 0 ? JSON.parse(r.stdout).goals[0] : undefined;
  return { ...r, current: goal?.current, status: goal?.status };
}

describe('a sync makes the store what the sources give', () => {
  it('re-syncs a file reverted to an earlier version (defect 1)', async () => {
    const v1 = 'date,metric,value\n2026-07-13,csat,80\n';
    const v2 = 'date,metric,value\n2026-07-13,csat,86\n';
    const dir = project(['a'], { 'a.csv': v1 });
    expect((await check(dir)).current).toBe(80);
    writeFileSync(join(dir, 'a.csv'), v2);
    // 86 ≥ 85: achieved.
    expect(await check(dir)).toMatchObject({ current: 86, status: 'achieved' });
    writeFileSync(join(dir, 'a.csv'), v1);
    const reverted = await check(dir);
    expect(reverted.stderr).toBe('Synced a.csv (source a): 0 new, 1 updated, 0 unchanged.\n');
    expect(reverted.current).toBe(80);
    expect(snapshots(dir)).toEqual([['csat', '2026-07-13', 80, 'a']]);
  });

  it('deletes what a source no longer gives, keeping it as a revision', async () => {
    const dir = project(['a'], {
      'a.csv': 'date,metric,value\n2026-07-06,csat,78\n2026-07-13,csat,80\n',
    });
    await check(dir);
    writeFileSync(join(dir, 'a.csv'), 'date,metric,value\n2026-07-06,csat,78\n');
    const r = await runCli(['import'], { cwd: dir });
    expect(r.stdout).toBe(
      'Imported a.csv (source a): 1 row, 1 snapshot: 0 new, 0 updated, 1 unchanged, 1 removed.\n' +
        '  removed csat (all) on 2026-07-13: 80 %  no longer in the file\n',
    );
    expect(snapshots(dir)).toEqual([['csat', '2026-07-06', 78, 'a']]);
    const store = openStore(join(dir, '.goals', 'goals.db'), { readonly: true });
    expect(store.revisionsOf('csat', '')).toMatchObject([
      { date: '2026-07-13', value: 80, deleted: true },
    ]);
    store.close();
  });

  it('refuses two sources that give one metric, segment and date, naming both (defect 2)', async () => {
    const a = 'date,metric,value\n2026-07-13,csat,80\n';
    const b = 'date,metric,value\n2026-07-06,csat,75\n2026-07-13,csat,86\n';
    // Rebuilt from scratch: both files are read in one sync.
    const rebuilt = project(['a', 'b'], { 'a.csv': a, 'b.csv': b });
    const fresh = await check(rebuilt);
    expect(fresh.code).toBe(2);
    expect(fresh.stderr).toBe(
      "b.csv:3:17  error  Line 3 gives csat on 2026-07-13 (86 %), and so does source 'a' (a.csv, line 2): 80 %.  import/source-overlap\n" +
        '  → Keep the row in one of the two files.\n' +
        "error Source 'b' (goals.yaml:4) could not be synced: b.csv (source 'b') was not imported: it gives snapshots that another source gives too. Nothing was written.\n" +
        '  Each snapshot (metric, segment and date) comes from one source: delete the rows from one of the two files, or give each source its own segment (segments: in goals.yaml). To evaluate what is already in the store, add --no-sync.\n',
    );
    expect(snapshots(rebuilt)).toEqual([]);

    // Incrementally: a is synced first, then b appears; then a changes.
    const dir = project(['a'], { 'a.csv': a, 'b.csv': b });
    expect((await check(dir)).current).toBe(80);
    writeFileSync(
      join(dir, 'goals.yaml'),
      `version: 1\nsources:\n${source('a')}${source('b')}${GOAL}`,
    );
    const added = await check(dir);
    expect(added.code).toBe(2);
    expect(added.stderr.split('\n')[0]).toBe(
      "b.csv:3:17  error  Line 3 gives csat on 2026-07-13 (86 %), and so does source 'a' (a.csv): 80 %.  import/source-overlap",
    );
    writeFileSync(join(dir, 'a.csv'), `${a}2026-07-20,csat,81\n`);
    expect((await check(dir)).code).toBe(2);
    expect(snapshots(dir)).toEqual([['csat', '2026-07-13', 80, 'a']]);
    // Once the row is in one file only, both ways agree.
    writeFileSync(join(dir, 'b.csv'), 'date,metric,value\n2026-07-06,csat,75\n');
    writeFileSync(join(rebuilt, 'b.csv'), 'date,metric,value\n2026-07-06,csat,75\n');
    writeFileSync(join(rebuilt, 'a.csv'), `${a}2026-07-20,csat,81\n`);
    expect((await check(dir)).code).toBe(0);
    expect((await check(rebuilt)).code).toBe(0);
    const expected = [
      ['csat', '2026-07-06', 75, 'b'],
      ['csat', '2026-07-13', 80, 'a'],
      ['csat', '2026-07-20', 81, 'a'],
    ];
    expect(snapshots(dir)).toEqual(expected);
    expect(snapshots(rebuilt)).toEqual(expected);
  });

  it('lets a row move from one source to another in one edit', async () => {
    const dir = project(['a', 'b'], {
      'a.csv': 'date,metric,value\n2026-07-06,csat,75\n',
      'b.csv': 'date,metric,value\n2026-07-13,csat,80\n',
    });
    await check(dir);
    writeFileSync(
      join(dir, 'a.csv'),
      'date,metric,value\n2026-07-06,csat,75\n2026-07-13,csat,80\n',
    );
    writeFileSync(join(dir, 'b.csv'), 'date,metric,value\n');
    const r = await check(dir);
    expect(r.stderr).toBe(
      'Synced a.csv (source a): 0 new, 0 updated, 2 unchanged.\n' +
        'Synced b.csv (source b): 0 new, 0 updated, 0 unchanged.\n',
    );
    expect(snapshots(dir)).toEqual([
      ['csat', '2026-07-06', 75, 'a'],
      ['csat', '2026-07-13', 80, 'a'],
    ]);
  });

  it("refuses a one-off import that would change a source's snapshot, and takes an equal one", async () => {
    const dir = project(['a'], { 'a.csv': 'date,metric,value\n2026-07-13,csat,80\n' });
    await check(dir);
    writeFileSync(
      join(dir, 'extra.csv'),
      'date,metric,value\n2026-07-20,csat,82\n2026-07-13,csat,85\n',
    );
    const r = await runCli(['import', 'extra.csv', '--layout', 'long'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "extra.csv:3:17  error  Line 3 gives csat on 2026-07-13 as 85 %, but source 'a' (a.csv) gives 80 %: a one-off import may not change a source's snapshot.  import/owned-by-source\n" +
        '  → Correct the value in a.csv instead, or remove the row from extra.csv.\n' +
        "error extra.csv was not imported: it would change snapshots that source 'a' gives. Nothing was written.\n" +
        '  A source of goals.yaml is the truth for its snapshots: correct a.csv instead (the next `goals check` or `goals import` reads it), or leave these rows out of this file.\n',
    );
    // The source's mapping on loan (--source a) does not make another file the source.
    writeFileSync(
      join(dir, 'extra.csv'),
      'date,metric,value\n2026-07-20,csat,82\n2026-07-13,csat,80\n',
    );
    const ok = await runCli(['import', 'extra.csv', '--source', 'a'], { cwd: dir });
    expect(ok.stdout).toBe(
      'Imported extra.csv: 2 rows, 2 snapshots: 1 new, 0 updated, 1 unchanged.\n',
    );
    expect(snapshots(dir)).toEqual([
      ['csat', '2026-07-13', 80, 'a'],
      ['csat', '2026-07-20', 82, null],
    ]);
  });

  it('refuses a file that gives a key two values even when the store holds the first (defect 3)', async () => {
    const dir = tempDir({
      'goals.yaml': 'version: 1\n',
      'week.csv': 'date,csat\n2026-07-06,79\n',
      'conflict.csv': 'date,csat\n2026-07-06,79\n2026-07-06,81\n',
    });
    expect((await runCli(['import', 'week.csv'], { cwd: dir })).code).toBe(0);
    const expected =
      'conflict.csv:3:12  error  Lines 2 and 3 both give csat on 2026-07-06, with different values: 79 % (line 2) and 81 % (line 3).  import/duplicate-key\n';
    for (const args of [['--dry-run'], []]) {
      const r = await runCli(['import', 'conflict.csv', ...args], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('  → ')[0]).toBe(expected);
    }
    expect(snapshots(dir)).toEqual([['csat', '2026-07-06', 79, null]]);
  });

  it('gives a timestamp with an offset the calendar day of its instant in settings.timezone (defect 4)', async () => {
    // 2026-09-30T23:30:00-07:00 = 2026-10-01T06:30Z = 2026-10-01 12:00 in Kolkata (+05:30):
    // after the deadline, so the goal is judged on 82 (2026-09-01) and missed.
    const dir = project(
      ['a'],
      { 'a.csv': 'date,metric,value\n2026-09-01,csat,82\n2026-09-30T23:30:00-07:00,csat,90\n' },
      'settings:\n  timezone: Asia/Kolkata\n',
    );
    const r = await check(dir, '2026-10-05');
    expect(r).toMatchObject({ current: 82, status: 'missed' });
    expect(snapshots(dir)).toEqual([
      ['csat', '2026-09-01', 82, 'a'],
      ['csat', '2026-10-01', 90, 'a'],
    ]);
  });
});
