/**
 * backlog: tickets open at the end of each period — created on or before its
 * last day and not solved by the end of it. Each ticket adds 1 on the day it
 * was created and −1 on the day it was solved (solved time, or created + its
 * resolution duration); the backlog at a period is the sum of these up to its
 * last day. Every period of the export's coverage gets a value, 0 included.
 * n: the open tickets (the value). A ticket never solved stays open.
 */
import { SOLVED, required, solvedInstant, writeChange } from '../record-metric.js';
import type { TimelineMetric } from '../record-metric.js';

export const backlog: TimelineMetric = {
  kind: 'timeline',
  id: 'backlog',
  needs: () => [...required('created'), SOLVED],
  series: 1,
  changes: (row, time, out) => {
    if (row.created === undefined) return 0;
    const count = writeChange(out, 0, 0, time.dayOf(row.created), 1);
    const solved = solvedInstant(row);
    return solved === undefined ? count : writeChange(out, count, 0, time.dayOf(solved), -1);
  },
  results: ([opened], periods) => {
    const openBy = opened!.cumulative();
    return periods.map(([, last]) => {
      const open = openBy(last);
      return { value: open, n: open };
    });
  },
};
