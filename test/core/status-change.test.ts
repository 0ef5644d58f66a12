import { describe, expect, it } from 'vitest';
import { formatChange } from '../../src/core/format-value.js';
import { statusChange } from '../../src/core/status-change.js';
import type { GoalStatus } from '../../src/core/status.js';

describe('statusChange: best to worst achieved, on-track, at-risk, off-track, missed', () => {
  it.each<[GoalStatus, GoalStatus, string]>([
    ['on-track', 'at-risk', 'slipped'],
    ['at-risk', 'off-track', 'slipped'],
    ['off-track', 'missed', 'slipped'],
    ['achieved', 'on-track', 'slipped'],
    ['achieved', 'missed', 'slipped'],
    ['at-risk', 'on-track', 'improved'],
    ['off-track', 'achieved', 'improved'],
    ['missed', 'achieved', 'improved'],
    ['at-risk', 'at-risk', 'unchanged'],
    ['missed', 'missed', 'unchanged'],
    ['not-started', 'on-track', 'new'],
    ['not-started', 'off-track', 'new'],
    ['no-data', 'missed', 'new'],
    ['not-started', 'no-data', 'new'],
    ['not-started', 'not-started', 'unchanged'],
    ['no-data', 'no-data', 'unchanged'],
    ['on-track', 'no-data', 'slipped'],
  ])('%s → %s: %s', (before, now, change) => {
    expect(statusChange(before, now)).toBe(change);
  });
});

describe('formatChange', () => {
  it.each([
    [0.3, 'percent', '+0.3 pp'],
    [-2.44, 'percent', '−2.4 pp'],
    [0.04, 'percent', '±0 pp'],
    [-0.04, 'percent', '±0 pp'],
    [0, 'score', '±0'],
    [4, 'score', '+4'],
    [-600, 'duration', '−10 m'],
    [5400, 'duration', '+1 h 30 m'],
    [-12.5, 'count', '−12.5'],
  ] as const)('%d %s → %s', (value, unit, text) => {
    expect(formatChange(value, unit)).toBe(text);
  });
});
