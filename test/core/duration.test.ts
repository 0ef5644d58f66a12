import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/core/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90m', 5400],
    ['1.5h', 5400],
    ['2d', 172800],
    ['1h30m', 5400],
    ['1h 30m', 5400],
    ['01:30:00', 5400],
    ['1:30', 5400],
    ['45s', 45],
    ['2 hours', 7200],
    ['1w', 604800],
  ])('%s = %d s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '90', 'soon', '2x', '1:75', 'h'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [45, '45 s'],
    [5400, '1 h 30 m'],
    [7200, '2 h'],
    [10440, '2 h 54 m'],
    [600, '10 m'],
    [215, '3 m 35 s'],
    [3569, '59 m 29 s'],
    [3580, '1 h'],
    [93600, '26 h'],
    [172800, '2 d'],
    [190800, '2 d 5 h'],
    [86400 * 3, '3 d'],
    [-1800, '-30 m'],
  ])('%d s = %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
