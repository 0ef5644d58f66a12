import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/core/suggest.js';

describe('suggest', () => {
  it('finds close names', () => {
    expect(suggest('cast', ['csat', 'nps', 'ces'])).toBe('csat');
    expect(suggest('tagret', ['target', 'title', 'type'])).toBe('target');
    expect(suggest('retension', ['retention', 'quality'])).toBe('retention');
    expect(suggest('first_reponse_time', ['first_response_time', 'resolution_time'])).toBe(
      'first_response_time',
    );
  });

  it('proposes nothing when nothing is close', () => {
    expect(suggest('happiness', ['csat', 'nps'])).toBeUndefined();
  });

  it(
    'answers at once for a long input (found by fuzzing: a 5000-character time zone took seconds)',
    {
      timeout: 1000,
    },
    () => {
      const zones = Intl.supportedValuesOf('timeZone');
      for (let i = 0; i < 20; i++) expect(suggest('x'.repeat(5000), zones)).toBeUndefined();
      expect(suggest('Europe/Berln', zones)).toBe('Europe/Berlin');
    },
  );

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('csat', 'cast')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('suggest: how close is close enough', () => {
  it('allows one edit per three characters, and at least one', () => {
    // 'np' (2 characters): 1 edit; 'frist_reponse_time' (18): 6, here 2 (a swap, a missing s)
    expect(suggest('np', ['nps'])).toBe('nps');
    expect(suggest('frist_reponse_time', ['first_response_time'])).toBe('first_response_time');
    // 'abcdef' (6): 2 edits, not 3
    expect(suggest('abcdef', ['abcdxy'])).toBe('abcdxy');
    expect(suggest('abcdef', ['abxyzf'])).toBeUndefined();
    // a candidate as many characters longer as the limit is still measured
    expect(suggest('csa', ['csat'])).toBe('csat');
    expect(suggest('csat', ['csat-q3-emea'])).toBeUndefined();
  });

  it('ignores case and proposes the candidate as written, the first of equally close ones', () => {
    expect(suggest('CSAT', ['Nps', 'csat'])).toBe('csat');
    expect(suggest('nps', ['NPS'])).toBe('NPS');
    expect(suggest('cat', ['cap', 'car'])).toBe('cap');
    expect(suggest('cat', ['cats', 'cap'])).toBe('cats');
  });
});

describe('editDistance', () => {
  // expected values from a separate Python implementation of the same recurrence
  it.each([
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
    ['abc', '', 3],
    ['', '', 0],
    ['ab', 'ba', 1],
    ['abcd', 'badc', 2],
    ['resolution', 'resolutoin', 1],
    ['xabc', 'xacb', 1],
  ])('%s → %s: %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});
