/** Ids of goals, objectives, metrics and sources: what is wrong with one, and the hint. */
import { describe, expect, it } from 'vitest';
import { ID_PATTERN, closestId, idProblem, toId } from '../../src/core/ids.js';

describe('idProblem', () => {
  it('accepts ASCII letters, digits, - and _', () => {
    expect(idProblem('csat-Q3_2026')).toBeUndefined();
    expect(ID_PATTERN.test('csat-Q3_2026')).toBe(true);
  });

  it('names the first character that is not allowed, and why', () => {
    expect(idProblem('')).toBe('it is empty');
    expect(idProblem('csat q3')).toBe('it has a space');
    expect(idProblem('csat\tq3')).toBe('it has a space');
    expect(idProblem('csat-ü')).toBe("'ü' is not an ASCII letter");
    expect(idProblem('q٣')).toBe("'٣' is not an ASCII digit");
    expect(idProblem('csat.q3 x')).toBe("it has '.'");
    expect(idProblem('a😀')).toBe("it has '😀'");
  });
});

describe('closestId', () => {
  it('drops accents and turns each run of other characters into one -, trimmed', () => {
    expect(closestId('csat-ü')).toBe('csat-u');
    expect(closestId('CSAT Q3!')).toBe('CSAT-Q3');
    expect(closestId('  a .. b  ')).toBe('a-b');
    expect(closestId('--a_b--')).toBe('a_b');
  });
});

describe('toId', () => {
  it('makes a lower-case id from words, - between them', () => {
    expect(toId('Reach 85% CSAT by Q4')).toBe('reach-85-csat-by-q4');
    expect(toId('  Élan  vital ')).toBe('elan-vital');
    expect(toId('!!!')).toBe('');
  });

  it('or _ between them, trimming _ at the ends', () => {
    expect(toId('First reply (business)', '_')).toBe('first_reply_business');
    expect(toId('-a-', '_')).toBe('a');
  });
});
