/** Segments as text: the store's canonical key and what users read. */
import { describe, expect, it } from 'vitest';
import { formatSegment, parseSegmentKey, segmentKey, sortPoints } from '../../src/core/snapshot.js';

describe('segment keys', () => {
  it('are sorted by key, joined by ;, empty for the whole team', () => {
    expect(segmentKey({ team: 'EMEA', channel: 'chat' })).toBe('channel=chat;team=EMEA');
    expect(segmentKey({})).toBe('');
  });

  it('parse back, a value keeping its own =', () => {
    expect(parseSegmentKey('channel=chat;team=EMEA')).toEqual({ channel: 'chat', team: 'EMEA' });
    expect(parseSegmentKey('query=a=b')).toEqual({ query: 'a=b' });
    expect(parseSegmentKey('')).toEqual({});
  });
});

describe('formatSegment', () => {
  it('reads key=value in the given order, or all', () => {
    expect(formatSegment({ team: 'EMEA', channel: 'chat' })).toBe('team=EMEA, channel=chat');
    expect(formatSegment({})).toBe('all');
  });
});

describe('sortPoints', () => {
  it('sorts by date, keeping the input order of a date, without changing the input', () => {
    const points = [
      { date: '2026-03-02', value: 1 },
      { date: '2026-03-01', value: 2 },
      { date: '2026-03-02', value: 3 },
      { date: '2026-03-01', value: 4 },
    ];
    expect(sortPoints(points).map((p) => p.value)).toEqual([2, 4, 1, 3]);
    expect(points.map((p) => p.value)).toEqual([1, 2, 3, 4]);
  });
});
