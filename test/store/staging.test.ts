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
) {
  const staging = store.stage();
  staging.add(SnapshotBatch.of(rows));
  const conflicts = staging.settleDuplicates();
  const previewUpdates = staging.previewUpdates(10);
  const preview = staging.count();
  const result = staging.commit(record(over));
  if (result.kind !== 'committed') throw new Error('the commit found repeated keys');
  // What the dry run showed is what the commit did.
  expect(result.counts).toEqual(preview);
  expect(result.updates).toEqual(previewUpdates);
  return { conflicts, ...result };
}

describe('Staging', () => {
  it('counts new, updated and unchanged snapshots and keeps replaced values as revisions', () => {
    const store = openStore(':memory:');
    const first = importOnce(store, [snap('2026-10-05', 80, 2), snap('2026-10-12', 81, 3)]);
    expect(first.counts).toEqual({ inserted: 2, updated: 0, unchanged: 0 });

    const again = importOnce(store, [snap('2026-10-05', 80, 2), snap('2026-10-12', 81, 3)]);
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 2 });

    const changed = importOnce(store, [
      snap('2026-10-05', 80, 2),
      snap('2026-10-12', 81.5, 3),
      snap('2026-10-19', 82, 4),
    ]);
    expect(changed.counts).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
    expect(changed.updates).toEqual([
      { metric: 'csat', segment: '', date: '2026-10-12', before: 81, after: 81.5, line: 3 },
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
    staging.commit(record());
    expect(store.pointsOf('csat', '')).toEqual([
      { date: '2026-01-01', value: 56.2 },
      { date: '2026-03-01', value: 43.7 },
    ]);
    store.close();
  });

  it('aborts a commit whose file gives a key two values, writing nothing, until they are settled', () => {
    const store = openStore(':memory:');
    importOnce(store, [snap('2026-02-01', 40, 2)]);
    const staging = store.stage();
    staging.add(
      SnapshotBatch.of([
        snap('2026-02-01', 41, 3),
        snap('2026-03-01', 43, 4),
        snap('2026-02-01', 47.3, 5),
      ]),
    );
    expect(staging.commit(record({ sha256: 'sha-2' }))).toEqual({ kind: 'repeats' });
    expect(store.listSnapshots().map((s) => [s.date, s.value])).toEqual([['2026-02-01', 40]]);
    expect(store.revisionsOf('csat', '')).toEqual([]);
    expect(store.listImports()).toHaveLength(1);
    expect(staging.settleDuplicates()).toHaveLength(1);
    const result = staging.commit(record({ sha256: 'sha-2' }));
    expect(result).toMatchObject({
      kind: 'committed',
      counts: { inserted: 1, updated: 0, unchanged: 0 },
    });
    expect(store.listSnapshots().map((s) => [s.date, s.value])).toEqual([
      ['2026-02-01', 40],
      ['2026-03-01', 43],
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

  it('finds an earlier import by source, bytes and mapping', () => {
    const store = openStore(':memory:');
    importOnce(store, [snap('2026-10-05', 80, 2)]);
    expect(store.findImport({ source: 'weekly', sha256: 'sha-1', mapping: 'map-1' })).toMatchObject(
      {
        id: 1,
        source: 'weekly',
        path: 'weekly.csv',
        rows: 3,
        snapshots: 1,
        importedAt: '2026-11-16T09:00:00.000Z',
      },
    );
    expect(
      store.findImport({ source: 'weekly', sha256: 'sha-1', mapping: 'map-2' }),
    ).toBeUndefined();
    expect(store.findImport({ source: null, sha256: 'sha-1', mapping: 'map-1' })).toBeUndefined();
    store.close();
  });
});
