/**
 * The SVG chart of a goal, drawn from inline data: what each mark says, the
 * interval fan when the evaluation has one, records' n and partial periods,
 * duration axes in hours, and series too long for a dot each.
 */
import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/dates.js';
import { renderChart } from '../../../src/report/html/chart.js';
import type { ChartInput } from '../../../src/report/html/chart.js';

type Element = DefaultTreeAdapterMap['element'];

function parseSvg(svg: string) {
  const all: Element[] = [];
  const walk = (n: DefaultTreeAdapterMap['node']) => {
    if ('tagName' in n) all.push(n);
    if ('childNodes' in n) n.childNodes.forEach(walk);
  };
  walk(parseFragment(svg));
  const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
  const text = (e: DefaultTreeAdapterMap['node']): string =>
    e.nodeName === '#text'
      ? (e as DefaultTreeAdapterMap['textNode']).value
      : 'childNodes' in e
        ? e.childNodes.map(text).join('')
        : '';
  const byClass = (cls: string) => all.filter((e) => attr(e, 'class')?.split(' ').includes(cls));
  return { all, attr, text, byClass };
}

const weekly = (from: string, values: number[]) =>
  values.map((value, i) => ({ date: addDays(from, 7 * i), value }));

const base: ChartInput = {
  id: 'chart-csat',
  title: 'csat over time',
  description: 'Four snapshots.',
  unit: 'percent',
  range: [0, 100],
  points: weekly('2026-10-26', [80, 81, 81.5, 82]),
  current: '2026-11-16',
  expected: [
    { date: '2026-10-01', value: 78, isMilestone: false },
    { date: '2026-11-15', value: 81, isMilestone: true },
    { date: '2026-12-31', value: 85, isMilestone: false },
  ],
  target: 85,
  targetLabel: '85 %',
  forecast: { from: { date: '2026-11-16', value: 82 }, date: '2026-12-31', value: 84 },
  start: '2026-10-01',
  deadline: '2026-12-31',
  asOf: '2026-11-16',
};

describe('renderChart', () => {
  it('draws each layer, labelled, with no NaN and nothing but inline SVG', () => {
    const svg = renderChart(base);
    expect(svg).not.toMatch(/NaN|undefined|Infinity|https?:/);
    const { byClass, text, attr, all } = parseSvg(svg);
    expect(all[0]!.tagName).toBe('svg');
    expect(attr(all[0]!, 'aria-labelledby')).toBe('chart-csat-t chart-csat-d');
    expect(byClass('snapshots')).toHaveLength(1);
    expect(byClass('expected')).toHaveLength(1);
    expect(byClass('milestone')).toHaveLength(1);
    expect(byClass('target')).toHaveLength(1);
    expect(byClass('forecast')).toHaveLength(1);
    expect(byClass('today')).toHaveLength(1);
    expect(byClass('interval')).toHaveLength(0);
    expect(byClass('label-target').map(text)).toEqual(['target 85 %']);
    expect(byClass('label-forecast').map(text)).toEqual(['forecast 84 %']);
    const dots = byClass('dots')[0]!;
    expect(dots.childNodes.map((c) => [attr(c as Element, 'r'), text(c)])).toEqual([
      ['2.5', '2026-10-26: 80 %'],
      ['2.5', '2026-11-02: 81 %'],
      ['2.5', '2026-11-09: 81.5 %'],
      ['4.5', '2026-11-16: 82 %'],
    ]);
    // Values 78 … 85, padded by 6 % of the span: [77.58, 85.42]; d3's nice for 4 ticks
    // (a step of 7.84 ÷ 4 = 1.96 rounds to 2): [76, 86], ticked every 2.
    expect(byClass('value').map(text)).toEqual(['76 %', '78 %', '80 %', '82 %', '84 %', '86 %']);
  });

  it('a forecast interval is a fan from the last snapshot to [low, high] at the deadline', () => {
    const { byClass, attr } = parseSvg(renderChart({ ...base, interval: [82.5, 85.5] }));
    const fan = byClass('interval');
    expect(fan).toHaveLength(1);
    // From one point (the forecast's start) out to two at the deadline's x, and back.
    const d = attr(fan[0]!, 'd')!;
    const xy = [...d.matchAll(/([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(xy).toHaveLength(4);
    expect(xy[0]).toEqual(xy[3]);
    expect(xy[1]![0]).toBe(xy[2]![0]);
    expect(xy[1]![1]).not.toBe(xy[2]![1]);
  });

  it('time ticks at an edge are labelled inside the chart, not cut in half', () => {
    const ticks = (input: ChartInput) => {
      const { byClass, attr, text } = parseSvg(renderChart(input));
      return byClass('tick')
        .filter((t) => !attr(t, 'class')!.includes('value'))
        .map((t) => [text(t), attr(t, 'text-anchor')]);
    };
    // 2026-10-01 … 12-31: d3's monthly ticks, the first at the left edge.
    expect(ticks(base)).toEqual([
      ['Oct', 'start'],
      ['Nov', 'middle'],
      ['Dec', 'middle'],
    ]);
    // To 2027-01-01: the year's tick at the right edge.
    expect(ticks({ ...base, deadline: '2027-01-01' })).toEqual([
      ['Oct', 'start'],
      ['Nov', 'middle'],
      ['Dec', 'middle'],
      ['2027', 'end'],
    ]);
  });

  it('close target and forecast: the lower label hangs below its line; at the bottom the upper one is lifted', () => {
    const at = (input: ChartInput) => {
      const { byClass, attr } = parseSvg(renderChart(input));
      return ['label-target', 'label-forecast'].map((cls) => {
        const label = byClass(cls)[0]!;
        return [attr(label, 'y'), attr(label, 'dominant-baseline') ?? null];
      });
    };
    // The y scale is [76, 86] → [232, 20] (see the first test): 21.2 units per point.
    // Target 85 → 41.2, label above at 35.2; forecast 84 → 62.4, 21.2 below it (< 22): hangs at 66.4.
    expect(at(base)).toEqual([
      ['35.2', null],
      ['66.4', 'hanging'],
    ]);
    // Forecast 80 → 147.2: far from the target, above its line at 141.2.
    expect(at({ ...base, forecast: { ...base.forecast!, value: 80 } })).toEqual([
      ['35.2', null],
      ['141.2', null],
    ]);
    // Target 77.8 → 193.84 ≈ 193.8, forecast 77 → 210.8: no room below (210.8 + 26 > 232), so the
    // target's label is lifted to 210.8 − 22 = 188.8 and written above it, at 182.8.
    expect(
      at({
        ...base,
        target: 77.8,
        targetLabel: '77.8 %',
        forecast: { ...base.forecast!, value: 77 },
      }),
    ).toEqual([
      ['182.8', null],
      ['204.8', null],
    ]);
  });

  it('a label on the goal’s shaded period has a halo of the shade', () => {
    const onBand = (input: ChartInput) => {
      const { byClass, attr, text } = parseSvg(renderChart(input));
      return [...byClass('value').slice(0, 1), ...byClass('label-target')].map((t) => [
        text(t),
        attr(t, 'class')!.includes('on-band'),
      ]);
    };
    // The chart starts at the goal's start and ends at its deadline: both on the shade.
    expect(onBand(base)).toEqual([
      ['76 %', true],
      ['target 85 %', true],
    ]);
    // Snapshots from before the start, and an as-of after the deadline: both on the page.
    expect(
      onBand({
        ...base,
        points: weekly('2026-08-03', [80, 81, 81.5, 82]),
        current: '2026-08-24',
        forecast: null,
        asOf: '2027-02-01',
      }),
    ).toEqual([
      ['76 %', false],
      ['target 85 %', false],
    ]);
  });

  it('records: n in each tooltip, partial periods hollow', () => {
    const points = [
      { date: '2026-10-05', value: 80, n: 412 },
      { date: '2026-11-02', value: 81, n: 398 },
      { date: '2026-11-16', value: 79, n: 12, partial: true },
    ];
    const { byClass, text } = parseSvg(renderChart({ ...base, points, current: '2026-11-02' }));
    expect(byClass('dots')[0]!.childNodes.map(text)).toEqual([
      '2026-10-05: 80 %, n = 412',
      '2026-11-02: 81 %, n = 398',
      '2026-11-16: 79 %, n = 12, partial period',
    ]);
    expect(byClass('partial')).toHaveLength(1);
  });

  it('the value axis stops at the metric’s bounds', () => {
    const { byClass, text } = parseSvg(
      renderChart({
        ...base,
        points: weekly('2026-11-02', [50, 100]),
        current: '2026-11-09',
        expected: [
          { date: '2026-10-01', value: 80, isMilestone: false },
          { date: '2026-12-31', value: 90, isMilestone: false },
        ],
        target: 90,
        targetLabel: '90 %',
        forecast: null,
      }),
    );
    // 50 … 100 padded by 3 to [47, 103]; nice for 4 ticks (step 14 → 20): [40, 120]; the
    // top stops at 100 %, the bottom stays at 40 %, ticked every 20 (d3 on [40, 100]).
    expect(byClass('value').map(text)).toEqual(['40 %', '60 %', '80 %', '100 %']);
    // Unbounded above (a duration, a count): the rounded-out top stays.
    const open = parseSvg(
      renderChart({
        ...base,
        range: [0, null],
        points: weekly('2026-11-02', [50, 100]),
        current: '2026-11-09',
        expected: [],
        target: 90,
        forecast: null,
      }),
    );
    expect(open.byClass('value').map(open.text).at(-1)).toBe('120 %');
  });

  it('durations are scaled in hours, ticks on whole hours', () => {
    const { byClass, text } = parseSvg(
      renderChart({
        ...base,
        unit: 'duration',
        range: [0, null],
        points: weekly('2026-10-26', [14400, 12600, 11700, 10800]),
        expected: [],
        target: 7200,
        targetLabel: '2 h',
        forecast: null,
      }),
    );
    // 2 … 4 h padded: [1.88, 4.12] h; nice steps 0.56 → 0.5 ([1.5, 4.5]), then 0.75 → 1: [1, 5].
    expect(byClass('value').map(text)).toEqual(['1 h', '2 h', '3 h', '4 h', '5 h']);
  });

  it('a long daily series is a line with a dot for the current snapshot only', () => {
    const points = Array.from({ length: 200 }, (_, i) => ({
      date: addDays('2026-05-01', i),
      value: 80 + (i % 7) / 10,
    }));
    const svg = renderChart({ ...base, points, current: points[199]!.date });
    const { byClass } = parseSvg(svg);
    expect(byClass('dots')[0]!.childNodes).toHaveLength(1);
    expect(svg.length).toBeLessThan(9000);
  });

  it('no snapshots: says so, and still draws the path and target', () => {
    const { byClass, text } = parseSvg(
      renderChart({ ...base, points: [], current: null, forecast: null }),
    );
    expect(byClass('empty').map(text)).toEqual(['No snapshots yet']);
    expect(byClass('dots')).toHaveLength(0);
    expect(byClass('expected')).toHaveLength(1);
  });

  it('escapes the title and description', () => {
    const svg = renderChart({ ...base, title: '</title><script>x</script>', description: '<b>"&' });
    const { all } = parseSvg(svg);
    expect(all.map((e) => e.tagName)).not.toContain('script');
    expect(svg).toContain('&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;');
    expect(svg).toContain('&lt;b&gt;&quot;&amp;');
  });
});
