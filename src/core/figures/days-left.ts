import { daysBetween } from '../dates.js';
import type { IsoDate } from '../dates.js';
import type { Computed } from './figure.js';

/** days left: deadline − as of, in days; 0 on the deadline day, negative after it. */
export function computeDaysLeft(input: { deadline: IsoDate; asOf: IsoDate }): Computed<number> {
  const { deadline, asOf } = input;
  const daysLeft = daysBetween(asOf, deadline);
  return {
    value: daysLeft,
    figure: {
      name: 'daysLeft',
      value: daysLeft,
      kind: 'days',
      formula: 'deadline − as of',
      inputs: [
        { name: 'deadline', value: deadline, kind: 'date' },
        { name: 'as of', value: asOf, kind: 'date' },
      ],
      snapshots: [],
    },
  };
}
