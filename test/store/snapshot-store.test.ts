/**
 * What the store reads back for evaluation: a series, whole or in a window,
 * oldest first, with the rows behind a records value and its partial mark.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { openStore } from '../../src/store/open-store.js';
import { SnapshotBatch } from '../../src/store/snapshot-batch.js';

describe('SnapshotStore.pointsOf and pointsNear', () => {
  it('read a series and its window as written: the window, and the `before` newest ahead of it', () => {
    const day = fc.integer({ min: 0, max: 200 });
    const snapshot = fc.record({
      day,
      value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      n: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
      partial: fc.boolean(),
      other: fc.boolean(),
    });
    const window = fc.record({
      from: day,
      length: fc.integer({ min: 0, max: 80 }),
      before: fc.nat(15),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(snapshot, { selector: (s) => s.day, maxLength: 60 }),
        window,
        (rows, w) => {
          const store = openStore(':memory:');
          const staging = store.stage();
          // Another segment and metric around it, which neither read may return.
          staging.add(
            SnapshotBatch.of(
              rows.map((r, line) => ({
                metric: r.other ? 'fcr' : 'csat',
                segment: r.other ? 'team=B' : 'team=A',
                date: addDays('2026-01-01', r.day),
                value: r.value,
                line: line + 1,
                ...(r.n === undefined ? {} : { n: r.n, partial: r.partial }),
              })),
            ),
          );
          staging.settleDuplicates();
          const part = {
            staging,
            record: {
              source: null,
              path: 'a.csv',
              sha256: 'x',
              mapping: 'm',
              rows: rows.length,
              skipped: 0,
              importedAt: '2026-11-16T09:00:00.000Z',
            },
          };
          expect(store.merge([part], { protectedSources: [] }).kind).toBe('committed');
          // Expected: the rows of csat team=A sorted by day, n and partial only where given.
          const series = rows
            .filter((r) => !r.other)
            .sort((a, b) => a.day - b.day)
            .map((r) => ({
              date: addDays('2026-01-01', r.day),
              value: Object.is(r.value, -0) ? 0 : r.value,
              ...(r.n === undefined ? {} : { n: r.n, partial: r.partial }),
            }));
          expect(store.pointsOf('csat', 'team=A')).toStrictEqual(series);
          const from = addDays('2026-01-01', w.from);
          const to = addDays(from, w.length);
          const ahead = series.filter((p) => p.date < from);
          expect(store.pointsNear('csat', 'team=A', { from, to, before: w.before })).toStrictEqual([
            ...ahead.slice(Math.max(0, ahead.length - w.before)),
            ...series.filter((p) => p.date >= from && p.date <= to),
          ]);
          store.close();
        },
      ),
      { numRuns: 150 },
    );
  });
});
