import { describe, expect, it } from 'vitest';
import { breakdownSegments, rankBreakdown } from '../../src/core/breakdown.js';
import type { Segment } from '../../src/core/snapshot.js';

const segments: Segment[] = [
  {},
  { team: 'EMEA' },
  { team: 'APAC' },
  { team: 'Americas' },
  { channel: 'chat' },
  { channel: 'email' },
  { team: 'EMEA', agent: 'ana' },
  { team: 'EMEA', agent: 'bob' },
  { team: 'APAC', agent: 'cho' },
  { team: 'EMEA', channel: 'chat' },
  { team: 'APAC', channel: 'chat' },
  { team: 'EMEA', channel: 'email' },
  // neither ranks with any goal here: three keys, and two keys both unlike the two-key goal's
  { team: 'EMEA', agent: 'ana', channel: 'chat' },
  { team: 'APAC', channel: 'email' },
];

describe('breakdownSegments: which segments a breakdown ranks', () => {
  it('a whole-team goal: every single-key segment, by key', () => {
    expect(breakdownSegments({}, segments)).toEqual([
      { key: 'team', segments: [{ team: 'EMEA' }, { team: 'APAC' }, { team: 'Americas' }] },
      { key: 'channel', segments: [{ channel: 'chat' }, { channel: 'email' }] },
    ]);
  });

  it('a team goal: every team (its own too), and its own agents and channels', () => {
    expect(breakdownSegments({ team: 'EMEA' }, segments)).toEqual([
      { key: 'team', segments: [{ team: 'EMEA' }, { team: 'APAC' }, { team: 'Americas' }] },
      {
        key: 'agent',
        segments: [
          { team: 'EMEA', agent: 'ana' },
          { team: 'EMEA', agent: 'bob' },
        ],
      },
      {
        key: 'channel',
        segments: [
          { team: 'EMEA', channel: 'chat' },
          { team: 'EMEA', channel: 'email' },
        ],
      },
    ]);
  });

  it('a goal on two keys varies one at a time', () => {
    expect(breakdownSegments({ team: 'EMEA', channel: 'chat' }, segments)).toEqual([
      {
        key: 'team',
        segments: [
          { team: 'EMEA', channel: 'chat' },
          { team: 'APAC', channel: 'chat' },
        ],
      },
      {
        key: 'channel',
        segments: [
          { team: 'EMEA', channel: 'chat' },
          { team: 'EMEA', channel: 'email' },
        ],
      },
    ]);
  });

  it('one segment is no ranking', () => {
    expect(
      breakdownSegments({ team: 'APAC' }, [{ team: 'APAC' }, { team: 'APAC', agent: 'cho' }]),
    ).toEqual([]);
  });
});

describe('rankBreakdown', () => {
  const series = [
    {
      segment: { team: 'EMEA' },
      points: [
        { date: '2026-11-09', value: 97200 },
        { date: '2026-11-16', value: 95400 },
      ],
    },
    {
      segment: { team: 'APAC' },
      points: [
        { date: '2026-11-09', value: 142200 },
        { date: '2026-11-16', value: 141840 },
      ],
    },
    { segment: { team: 'Americas' }, points: [{ date: '2026-11-20', value: 50000 }] },
    { segment: { team: 'Nordics' }, points: [{ date: '2026-11-02', value: 80000 }] },
  ];
  const goal = {
    segment: { team: 'EMEA' },
    target: 86400,
    judgedAt: '2026-11-16',
    since: '2026-11-09',
  };

  it('lower is better: the shortest resolution time first, no value last', () => {
    const rows = rankBreakdown({ key: 'team', series }, { ...goal, type: 'decrease' });
    expect(
      rows.map((r) => [r.name, r.isGoal, r.current?.value ?? null, r.change, r.meetsTarget]),
    ).toEqual([
      // Nordics' newest is 11-02, before the comparison date as well: no change.
      ['Nordics', false, 80000, 0, true],
      // 95 400 − 97 200 = −1 800 s; 141 840 − 142 200 = −360 s.
      ['EMEA', true, 95400, -1800, false],
      ['APAC', false, 141840, -360, false],
      // Americas' only snapshot is after the judged date.
      ['Americas', false, null, null, null],
    ]);
  });

  it('higher is better: the other way round', () => {
    const rows = rankBreakdown({ key: 'team', series }, { ...goal, type: 'increase' });
    expect(rows.map((r) => r.name)).toEqual(['APAC', 'EMEA', 'Nordics', 'Americas']);
  });
});

describe('rankBreakdown: ties', () => {
  const goal = {
    segment: { team: 'A' },
    type: 'increase' as const,
    target: 90,
    judgedAt: '2026-11-16',
  };
  const team = (name: string, value?: number) => ({
    segment: { team: name },
    points: value === undefined ? [] : [{ date: '2026-11-16', value }],
  });

  it('equal values, and no values, go by name', () => {
    for (const series of [
      [team('Zed', 80), team('Abe', 80), team('Max'), team('Bo'), team('Top', 95)],
      [team('Bo'), team('Max'), team('Top', 95), team('Abe', 80), team('Zed', 80)],
    ]) {
      const rows = rankBreakdown({ key: 'team', series }, goal);
      expect(rows.map((r) => r.name)).toEqual(['Top', 'Abe', 'Zed', 'Bo', 'Max']);
    }
  });
});
