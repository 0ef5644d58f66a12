import { describe, expect, it } from 'vitest';
import { durationUnitSeconds, formatDuration, parseDuration } from '../../src/core/duration.js';

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

describe('parseDuration: spellings and what is not a duration', () => {
  it.each([
    ['2H', 7200],
    ['  90m  ', 5400],
    [' 1:30 ', 5400],
    ['\t2h\n', 7200],
    ['1 h 30 m', 5400],
    ['1h   30m', 5400],
    ['1:30:15', 5415],
    ['0:05:30.5', 330.5],
    ['10 sec', 10],
    ['1 second', 1],
    ['2 seconds', 2],
    ['5 min', 300],
    ['5 mins', 300],
    ['1 minute', 60],
    ['3 minutes', 180],
    ['1 hr', 3600],
    ['2 hrs', 7200],
    ['1 hour', 3600],
    ['1 day', 86400],
    ['3 days', 259200],
    ['1 week', 604800],
    ['2 weeks', 1209600],
  ])('%j = %d s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['1:5', '1:30:60', 'x1:30', '1:30x', '1h30', '1.5.3h', '2 fortnights', '   ', '1 5m'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );

  it('knows unit names in any case, with spaces around', () => {
    expect(durationUnitSeconds(' H ')).toBe(3600);
    expect(durationUnitSeconds('Minutes')).toBe(60);
    expect(durationUnitSeconds('fortnight')).toBeUndefined();
  });
});

describe('formatDuration: where one unit gives way to the next', () => {
  it.each([
    [0, '0 s'],
    [4.56, '4.6 s'],
    [9.96, '10 s'],
    [12.4, '12 s'],
    [59.4, '59 s'],
    [59.5, '1 m'],
    [-45, '-45 s'],
    [3570, '1 h'],
    [172740, '47 h 59 m'],
    [174600, '2 d 1 h'],
  ])('%d s = %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
