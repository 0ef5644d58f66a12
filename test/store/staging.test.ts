import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { SnapshotBatch } from '../../src/store/snapshot-batch.js';
import type { StagedSnapshot } from '../../src/store/snapshot-batch.js';
import type { NewImport } from '../../src/store/staging.js';

const record = (over: Partial<NewImport> = {}): NewImport => ({
  source: 'weekly',
  path: 'weekly.csv',
  sha256: 'sha-1',
  mapping: 'map-1',
  rows: 3,
  skipped: 0,
  importedAt: '2026-11-16T09:00:00.000Z',
  ...over,
});

const snap = (
  date: string,
  value: number,
  line: number,
  metric = 'csat',
  segment = '',
): StagedSnapshot => ({
  metric,
  segment,
  date,
  value,
  line,
});

function importOnce(
  store: ReturnType<typeof openStore>,
  rows: StagedSnapshot[],
  over?: Partial<NewImport>,
  protectedSources: string[] = [],
) {
  const staging = store.stage();
  staging.add(SnapshotBatch.of(rows));
  const conflicts = staging.settleDuplicates();
  const part = { staging, record: record(over) };
  const preview = store.preview([part], { protectedSources });
  const result = store.merge([part], { protectedSources });
  if (result.kind !== 'committed') throw new Error('the merge found conflicts');
  const merged = result.parts[0]!;
  // What the dry run showed is what the merge did.
  expect(preview.conflicts).toEqual([]);
  expect(merged.counts).toEqual(preview.parts[0]!.counts);
  expect(merged.updates).toEqual(preview.parts[0]!.updates);
  expect(merged.removals).toEqual(preview.parts[0]!.removals);
  return { conflicts, ...merged };
}

/** A part of a merge: rows staged and settled, with their import record. */
function staged(
  store: ReturnType<typeof openStore>,
  rows: StagedSnapshot[],
  over?: Partial<NewImport>,
) {
  const staging = store.stage();
  staging.add(SnapshotBatch.of(rows));
  staging.settleDuplicates();
  return { staging, record: record(over) };
}

describe('Staging', () => {
  it('counts new, updated and unchanged snapshots and keeps replaced values as revisions', () => {
    const store = openStore(':memory:');
    const first = importOnce(store, [snap('2026-10-05', 80, 2), snap('2026-10-12', 81, 3)]);
    expect(first.counts).toEqual({ inserted: 2, updated: 0, unchanged: 0, removed: 0 });

    const again = importOnce(store, [snap('2026-10-05', 80, 2), snap('2026-10-12', 81, 3)]);
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 2, removed: 0 });

    const changed = importOnce(store, [
      snap('2026-10-05', 80, 2),
      snap('2026-10-12', 81.5, 3),
      snap('2026-10-19', 82, 4),
    ]);
    expect(changed.counts).toEqual({ inserted: 1, updated: 1, unchanged: 1, removed: 0 });
    expect(changed.updates).toEqual([
      {
        metric: 'csat',
        segment: '',
        date: '2026-10-12',
        before: 81,
        after: 81.5,
        sampleBefore: null,
        sampleAfter: null,
        line: 3,
      },
    ]);
    expect(store.pointsOf('csat', '')).toEqual([
      { date: '2026-10-05', value: 80 },
      { date: '2026-10-12', value: 81.5 },
      { date: '2026-10-19', value: 82 },
    ]);
    expect(store.revisionsOf('csat', '')).toEqual([
      {
        metric: 'csat',
        segment: '',
        date: '2026-10-12',
        value: 81,
        importId: first.importId,
        replacedBy: changed.importId,
        deleted: false,
      },
    ]);
    expect(
      store.listImports().map((i) => [i.id, i.inserted, i.updated, i.unchanged, i.snapshots]),
    ).toEqual([
      [1, 2, 0, 0, 2],
      [2, 0, 0, 2, 2],
      [3, 1, 1, 1, 3],
    ]);
    store.close();
  });

  it("keeps a records snapshot's rows and partial mark; new rows or a completed period are updates", () => {
    const store = openStore(':memory:');
    const sample = (date: string, value: number, n: number, partial: boolean, line = 1) => ({
      ...snap(date, value, line),
      n,
      partial,
    });
    const first = importOnce(store, [
      sample('2026-10-01', 80, 40, false),
      sample('2026-11-01', 75, 8, true),
      snap('2026-12-01', 90, 1),
    ]);
    expect(first.counts).toEqual({ inserted: 3, updated: 0, unchanged: 0, removed: 0 });
    // A KPI value has neither.
    expect(store.pointsOf('csat', '')).toEqual([
      { date: '2026-10-01', value: 80, n: 40, partial: false },
      { date: '2026-11-01', value: 75, n: 8, partial: true },
      { date: '2026-12-01', value: 90 },
    ]);
    expect(
      store.pointsNear('csat', '', { from: '2026-11-01', to: '2026-12-31', before: 1 }),
    ).toEqual(store.pointsOf('csat', ''));

    // The same rows again: nothing changes.
    const again = importOnce(store, [
      sample('2026-10-01', 80, 40, false),
      sample('2026-11-01', 75, 8, true),
      snap('2026-12-01', 90, 1),
    ]);
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 3, removed: 0 });

    // November became complete with the same value; October gained rows with
    // the same value; December's KPI value now comes from rows.
    const later = importOnce(store, [
      sample('2026-10-01', 80, 41, false),
      sample('2026-11-01', 75, 8, false),
      sample('2026-12-01', 90, 30, true),
    ]);
    expect(later.counts).toEqual({ inserted: 0, updated: 3, unchanged: 0, removed: 0 });
    expect(
      later.updates.map((u) => [u.date, u.before, u.sampleBefore, u.after, u.sampleAfter]),
    ).toEqual([
      ['2026-10-01', 80, { n: 40, partial: false }, 80, { n: 41, partial: false }],
      ['2026-11-01', 75, { n: 8, partial: true }, 75, { n: 8, partial: false }],
      ['2026-12-01', 90, null, 90, { n: 30, partial: true }],
    ]);
    expect(store.revisionsOf('csat', '').map((r) => [r.date, r.value, r.n, r.partial])).toEqual([
      ['2026-10-01', 80, 40, false],
      ['2026-11-01', 75, 8, true],
      ['2026-12-01', 90, undefined, undefined],
    ]);
    // A source's deleted snapshot keeps its rows in the revisions too.
    importOnce(store, [sample('2026-10-01', 80, 41, false), sample('2026-11-01', 75, 8, false)]);
    expect(store.revisionsOf('csat', '').at(-1)).toMatchObject({
      date: '2026-12-01',
      value: 90,
      n: 30,
      partial: true,
      deleted: true,
    });
    store.close();
  });

  it("refuses a one-off records value with other rows for a protected source's snapshot", () => {
    const store = openStore(':memory:');
    importOnce(store, [{ ...snap('2026-10-01', 80, 1), n: 40, partial: false }]);
    const part = staged(store, [{ ...snap('2026-10-01', 80, 1), n: 12, partial: true }], {
      source: null,
      sha256: 'x',
    });
    const conflict = {
      part: 0,
      metric: 'csat',
      segment: '',
      date: '2026-10-01',
      line: 1,
      value: 80,
      owner: 'weekly',
      ownerValue: 80,
    };
    expect(store.preview([part], { protectedSources: ['weekly'] }).conflicts).toEqual([conflict]);
    expect(store.merge([part], { protectedSources: ['weekly'] })).toEqual({
      kind: 'conflicts',
      conflicts: [conflict],
    });
    expect(store.pointsOf('csat', '')).toEqual([
      { date: '2026-10-01', value: 80, n: 40, partial: false },
    ]);
    store.close();
  });

  it('keeps one of two equal values for a key and reports different ones with both lines', () => {
    const store = openStore(':memory:');
    const staging = store.stage();
    staging.add(
      SnapshotBatch.of([
        snap('2026-03-01', 43.7, 2),
        snap('2026-02-01', 41, 3),
        snap('2026-01-01', 56.2, 4),
        snap('2026-02-01', 47.3, 5),
        snap('2026-01-01', 56.2, 6),
      ]),
    );
    expect(staging.settleDuplicates()).toEqual([
      {
        metric: 'csat',
        segment: '',
        date: '2026-02-01',
        first: { line: 3, value: 41 },
        second: { line: 5, value: 47.3 },
      },
    ]);
    expect(staging.size).toBe(2);
    store.merge([{ staging, record: record() }], { protectedSources: [] });
    expect(store.pointsOf('csat', '')).toEqual([
      { date: '2026-01-01', value: 56.2 },
      { date: '2026-03-01', value: 43.7 },
    ]);
    store.close();
  });

  it('streams large batches through the multi-row insert without losing a row', () => {
    const store = openStore(':memory:');
    const rows = Array.from({ length: 1000 }, (_, i) =>
      snap(`2026-01-01`, i, i + 2, 'ticket_volume', `agent=a${String(i).padStart(4, '0')}`),
    );
    const result = importOnce(store, rows);
    expect(result.counts.inserted).toBe(1000);
    expect(store.countSnapshots()).toBe(1000);
    expect(store.pointsOf('ticket_volume', 'agent=a0999')).toEqual([
      { date: '2026-01-01', value: 999 },
    ]);
    store.close();
  });

  it('lists the segments with snapshots of a metric, sorted, each once', () => {
    const store = openStore(':memory:');
    importOnce(store, [
      snap('2026-10-05', 80, 2, 'csat', 'team=EMEA'),
      snap('2026-10-12', 81, 3, 'csat', 'team=EMEA'),
      snap('2026-10-05', 79, 4, 'csat', ''),
      snap('2026-10-05', 77, 5, 'csat', 'team=APAC'),
      snap('2026-10-05', 70, 6, 'fcr', 'team=Sofia'),
    ]);
    expect(store.segmentsOf('csat')).toEqual(['', 'team=APAC', 'team=EMEA']);
    expect(store.segmentsOf('fcr')).toEqual(['team=Sofia']);
    expect(store.segmentsOf('nps')).toEqual([]);
    store.close();
  });

  it('leaves the store as it was when the staging is discarded', () => {
    const store = openStore(':memory:');
    importOnce(store, [snap('2026-10-05', 80, 2)]);
    const staging = store.stage();
    staging.add(SnapshotBatch.of([snap('2026-10-05', 99, 2), snap('2026-10-12', 98, 3)]));
    staging.settleDuplicates();
    staging.discard();
    expect(store.pointsOf('csat', '')).toEqual([{ date: '2026-10-05', value: 80 }]);
    expect(store.listImports()).toHaveLength(1);
    store.close();
  });

  it('finds the latest import of a source, whatever its bytes', () => {
    const store = openStore(':memory:');
    importOnce(store, [snap('2026-10-05', 80, 2)]);
    importOnce(store, [snap('2026-10-05', 86, 2)], { sha256: 'sha-2', stat: '10 1 2 3' });
    importOnce(store, [snap('2026-10-06', 86, 2)], { source: null, sha256: 'sha-3' });
    expect(store.latestImport('weekly')).toMatchObject({
      id: 2,
      source: 'weekly',
      path: 'weekly.csv',
      sha256: 'sha-2',
      exact: true,
      stat: '10 1 2 3',
      importedAt: '2026-11-16T09:00:00.000Z',
    });
    expect(store.latestImport('monthly')).toBeUndefined();
    store.close();
  });

  it("makes a source's snapshots exactly its file's: deletes what it no longer gives, keeping revisions", () => {
    const store = openStore(':memory:');
    const first = importOnce(store, [snap('2026-10-05', 80, 2), snap('2026-10-12', 81, 3)]);
    const second = importOnce(store, [snap('2026-10-12', 81, 2)], { sha256: 'sha-2' });
    expect(second.counts).toEqual({ inserted: 0, updated: 0, unchanged: 1, removed: 1 });
    expect(second.removals).toEqual([
      { metric: 'csat', segment: '', date: '2026-10-05', value: 80 },
    ]);
    expect(store.pointsOf('csat', '')).toEqual([{ date: '2026-10-12', value: 81 }]);
    expect(store.revisionsOf('csat', '')).toEqual([
      {
        metric: 'csat',
        segment: '',
        date: '2026-10-05',
        value: 80,
        importId: first.importId,
        replacedBy: second.importId,
        deleted: true,
      },
    ]);
    store.close();
  });

  it('a one-off file adds and replaces, deletes nothing, and owns what it writes', () => {
    const store = openStore(':memory:');
    importOnce(store, [snap('2026-10-05', 80, 2), snap('2026-10-12', 81, 3)]);
    const oneOff = importOnce(store, [snap('2026-10-19', 82, 2)], { source: null });
    expect(oneOff.counts).toEqual({ inserted: 1, updated: 0, unchanged: 0, removed: 0 });
    expect(store.listSnapshots().map((s) => [s.date, s.value, s.source])).toEqual([
      ['2026-10-05', 80, 'weekly'],
      ['2026-10-12', 81, 'weekly'],
      ['2026-10-19', 82, null],
    ]);
    store.close();
  });

  it("refuses a one-off value for a protected source's snapshot, writing nothing; an equal one is fine", () => {
    const store = openStore(':memory:');
    importOnce(store, [snap('2026-10-05', 80, 2)]);
    const part = staged(store, [snap('2026-10-05', 80, 2), snap('2026-10-12', 79, 3)], {
      source: null,
      sha256: 'x',
    });
    expect(store.merge([part], { protectedSources: ['weekly'] }).kind).toBe('committed');
    const conflict = {
      part: 0,
      metric: 'csat',
      segment: '',
      date: '2026-10-05',
      line: 3,
      value: 85,
      owner: 'weekly',
      ownerValue: 80,
    };
    const bad = staged(store, [snap('2026-10-19', 70, 2), snap('2026-10-05', 85, 3)], {
      source: null,
      sha256: 'y',
    });
    expect(store.preview([bad], { protectedSources: ['weekly'] }).conflicts).toEqual([conflict]);
    expect(store.merge([bad], { protectedSources: ['weekly'] })).toEqual({
      kind: 'conflicts',
      conflicts: [conflict],
    });
    expect(store.listSnapshots().map((s) => [s.date, s.value, s.source])).toEqual([
      ['2026-10-05', 80, 'weekly'],
      ['2026-10-12', 79, null],
    ]);
    expect(store.listImports()).toHaveLength(2);
    store.close();
  });

  it('refuses two sources that give one key, in one merge or against a protected source', () => {
    const store = openStore(':memory:');
    importOnce(store, [snap('2026-10-05', 80, 2)], { source: 'a' });
    const partB = staged(store, [snap('2026-10-12', 81, 2), snap('2026-10-05', 86, 3)], {
      source: 'b',
    });
    expect(store.merge([partB], { protectedSources: ['a'] })).toEqual({
      kind: 'conflicts',
      conflicts: [
        {
          part: 0,
          metric: 'csat',
          segment: '',
          date: '2026-10-05',
          line: 3,
          value: 86,
          owner: 'a',
          ownerValue: 80,
        },
      ],
    });
    const partA = staged(store, [snap('2026-10-05', 80, 4)], { source: 'a' });
    expect(store.merge([partA, partB], { protectedSources: [] })).toEqual({
      kind: 'conflicts',
      conflicts: [
        {
          part: 1,
          metric: 'csat',
          segment: '',
          date: '2026-10-05',
          line: 3,
          value: 86,
          owner: 'a',
          ownerValue: 80,
          ownerPart: 0,
          ownerLine: 4,
        },
      ],
    });
    expect(store.listImports()).toHaveLength(1);
    store.close();
  });

  it('lets a source take a key over from a source of the same merge that no longer gives it, in either order', () => {
    for (const order of [
      ['a', 'b'],
      ['b', 'a'],
    ]) {
      const store = openStore(':memory:');
      importOnce(store, [snap('2026-10-05', 80, 2)], { source: 'b' });
      const parts = {
        a: staged(store, [snap('2026-10-05', 80, 2)], { source: 'a', sha256: 'a-2' }),
        b: staged(store, [snap('2026-10-12', 81, 2)], { source: 'b', sha256: 'b-2' }),
      };
      const merged = store.merge(
        order.map((o) => parts[o as 'a' | 'b']),
        { protectedSources: [] },
      );
      if (merged.kind !== 'committed') throw new Error('conflicts');
      const counts = Object.fromEntries(order.map((o, i) => [o, merged.parts[i]!.counts]));
      expect(counts).toEqual({
        a: { inserted: 0, updated: 0, unchanged: 1, removed: 0 },
        b: { inserted: 1, updated: 0, unchanged: 0, removed: 0 },
      });
      expect(store.listSnapshots().map((s) => [s.date, s.value, s.source])).toEqual([
        ['2026-10-05', 80, 'a'],
        ['2026-10-12', 81, 'b'],
      ]);
      expect(store.revisionsOf('csat', '')).toEqual([]);
      store.close();
    }
  });
});
