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

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('csat', 'cast')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
