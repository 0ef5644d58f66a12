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
