/**
 * A snapshot history read from a fixture's `snapshots.csv`
 * (date,metric,segment,value with the canonical segment key), served to the
 * commands in place of the store so their tests need no import step.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { History } from '../../src/cli/open-history.js';
import type { Point, Segment } from '../../src/core/snapshot.js';
import { parseSegmentKey, segmentKey } from '../../src/core/snapshot.js';
import { selectWindow } from '../../src/core/evaluate-goal.js';

export function fixtureHistory(dir: string): History | undefined {
  const path = join(dir, 'snapshots.csv');
  if (!existsSync(path)) return undefined;
  const rows = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  const series = new Map<string, Point[]>();
  for (const row of rows) {
    const [date, metric, segment, value] = row.split(',') as [string, string, string, string];
    const key = `${metric}|${segment}`;
    const list = series.get(key) ?? [];
    list.push({ date, value: Number(value) });
    series.set(key, list);
  }
  const pointsOf = (metric: string, segment: Segment) =>
    [...(series.get(`${metric}|${segmentKey(segment)}`) ?? [])].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    );
  return {
    pointsOf,
    pointsNear: (metric, segment, window) => selectWindow(pointsOf(metric, segment), window),
    segmentsOf: (metric) =>
      [...series.keys()]
        .filter((key) => key.startsWith(`${metric}|`))
        .map((key) => key.slice(metric.length + 1))
        .sort()
        .map(parseSegmentKey),
    close: () => {},
  };
}
