import { describe, expect, it } from 'vitest';
import {
  STATUS_REPORT_ORDER,
  STATUS_RULE_ORDER,
  isGoalStatus,
  statusLabel,
  worstStatus,
} from '../../src/core/status.js';

describe('the statuses', () => {
  it('are tried in the order of DESIGN §6 and summed up in that of DESIGN §8', () => {
    expect(STATUS_RULE_ORDER).toEqual([
      'not-started',
      'no-data',
      'achieved',
      'missed',
      'on-track',
      'at-risk',
      'off-track',
    ]);
    expect(STATUS_REPORT_ORDER).toEqual([
      'achieved',
      'on-track',
      'at-risk',
      'off-track',
      'missed',
      'no-data',
      'not-started',
    ]);
  });

  it('are only those seven', () => {
    expect(STATUS_RULE_ORDER.every(isGoalStatus)).toBe(true);
    expect(['stale', 'on track', 'On-track', ''].filter(isGoalStatus)).toEqual([]);
  });

  it('read as words', () => {
    expect(STATUS_RULE_ORDER.map(statusLabel)).toEqual([
      'not started',
      'no data',
      'achieved',
      'missed',
      'on track',
      'at risk',
      'off track',
    ]);
  });
});

describe('worstStatus: what an objective shows', () => {
  // best to worst: good news, then not started (neither), then unknown, then trouble
  const bestToWorst = [
    'achieved',
    'on-track',
    'not-started',
    'no-data',
    'at-risk',
    'off-track',
    'missed',
  ] as const;

  it('of any two, the worse, in either order', () => {
    for (const [i, better] of bestToWorst.entries()) {
      for (const worse of bestToWorst.slice(i + 1)) {
        expect(worstStatus([better, worse]), `${better}, ${worse}`).toBe(worse);
        expect(worstStatus([worse, better]), `${worse}, ${better}`).toBe(worse);
      }
    }
  });

  it('of one, that one; of none, none', () => {
    expect(worstStatus(['at-risk'])).toBe('at-risk');
    expect(worstStatus(['on-track', 'on-track'])).toBe('on-track');
    expect(worstStatus([])).toBeUndefined();
  });
});
