/**
 * The small pieces of the check reporters: sparkline, rounding, escaping for
 * XML, Markdown and CSV, the annotation limit, the line chart.
 */
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { formatSparkline } from '../../../src/report/check/sparkline.js';
import { escapeUnsafeJson, formatCheckJson, roundTo } from '../../../src/report/check/json.js';
import { escapeXml, formatCheckJunit } from '../../../src/report/check/junit.js';
import { escapeMarkdown, formatCheckMarkdown } from '../../../src/report/check/markdown.js';
import { csvText } from '../../../src/report/check/history.js';
import { formatCheckGithub } from '../../../src/report/check/github.js';
import { formatLineChart } from '../../../src/report/check/line-chart.js';
import { formatChance } from '../../../src/report/check/goal-text.js';
import { makeResult } from './make-result.js';

describe('formatSparkline', () => {
  it('scales to the values’ own range', () => {
    expect(formatSparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(formatSparkline([10, 0, 5])).toBe('█▁▅');
    expect(formatSparkline([3, 3, 3])).toBe('▄▄▄');
    expect(formatSparkline([])).toBe('');
  });
});

describe('roundTo', () => {
  it('rounds, keeps null and never writes -0', () => {
    expect(roundTo(0.45714285, 3)).toBe(0.457);
    expect(roundTo(6642.857, 2)).toBe(6642.86);
    expect(roundTo(-0.0001, 2)).toBe(0);
    expect(Object.is(roundTo(-0.0001, 2), -0)).toBe(false);
    expect(roundTo(null, 2)).toBeNull();
  });

  it('JSON escapes C1 controls and bidi overrides that JSON.stringify leaves raw', () => {
    const json = escapeUnsafeJson(JSON.stringify({ t: 'a\u009bb\u202ec' }));
    expect(json).toBe('{"t":"a\\u009bb\\u202ec"}');
    expect(JSON.parse(json)).toEqual({ t: 'a\u009bb\u202ec' });
  });
});

describe('formatChance', () => {
  it('rounds to whole percents, and never shows 0 % or 100 % for what is not certain', () => {
    expect(formatChance(null)).toBe('—');
    expect(formatChance(0.72)).toBe('72 %');
    expect(formatChance(0)).toBe('0 %');
    expect(formatChance(1)).toBe('100 %');
    expect(formatChance(0.0049)).toBe('<1 %');
    expect(formatChance(0.005)).toBe('1 %');
    expect(formatChance(0.994)).toBe('99 %');
    expect(formatChance(0.995)).toBe('>99 %');
  });

  it('takes decimals (goals explain shows one)', () => {
    expect(formatChance(0.264, 1)).toBe('26.4 %');
    expect(formatChance(0.0004, 1)).toBe('<0.1 %');
    expect(formatChance(0.0005, 1)).toBe('0.1 %');
    expect(formatChance(0.9996, 1)).toBe('>99.9 %');
  });
});

describe('escaping', () => {
  it('XML: the five entities, and characters XML 1.0 forbids are dropped', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
    expect(escapeXml('a\u0000b\u0007c\u001bd\ufffee\ud800f\tg\nh')).toBe('abcdef\tg\nh');
    expect(escapeXml('😀')).toBe('😀');
  });

  it('Markdown: table and markup characters', () => {
    expect(escapeMarkdown('a | b *c* _d_ <e> [f](g) `h` #i')).toBe(
      'a \\| b \\*c\\* \\_d\\_ \\<e\\> \\[f\\](g) \\`h\\` \\#i',
    );
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
  });

  it('CSV: text cells never start a formula, and are quoted when they must be', () => {
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('-team')).toBe("'-team");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvText('team=EMEA')).toBe('team=EMEA');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText(' padded')).toBe('" padded"');
  });
});

describe('CI formats on many goals', () => {
  const failing = Array.from({ length: 12 }, (_, i) => ({
    fields: {
      id: `goal-${i}`,
      title: `Goal <${i}> & "more"`,
      metric: 'csat',
      baseline: 78,
      target: 85,
      start: '2026-07-01',
      deadline: '2026-12-31',
    },
    values: [78, 77, 76],
  }));
  const result = makeResult(failing);

  it('GitHub: at most 10 errors, then a notice counting the rest', () => {
    const out = formatCheckGithub(result);
    const lines = out.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(lines.find((l) => l.startsWith('::notice'))).toBe(
      '::notice::2 more errors and 0 more warnings are not annotated (GitHub shows 10 of each); see the log or the job summary.',
    );
    expect(lines[0]).toMatch(
      /^::error file=goals\.yaml,line=10,col=5,title=goal-0%3A off track::Goal <0> & "more"%0Aoff track: /,
    );
  });

  it('JUnit: valid XML whatever the titles', () => {
    expect(XMLValidator.validate(formatCheckJunit(result))).toBe(true);
  });

  it('JSON and Markdown have every goal', () => {
    expect(JSON.parse(formatCheckJson(result)).goals).toHaveLength(12);
    expect(formatCheckMarkdown(result).match(/🔴 off track/g)).toHaveLength(12);
  });
});

describe('formatLineChart', () => {
  it('draws layers in order on a grid with labelled axes', () => {
    const out = formatLineChart({
      width: 10,
      height: 3,
      xRange: [0, 9],
      yRange: [0, 2],
      layers: [
        { kind: 'level', points: [{ x: 0, y: 2 }], mark: '─' },
        {
          kind: 'path',
          points: [
            { x: 0, y: 0 },
            { x: 9, y: 2 },
          ],
          mark: '·',
        },
        {
          kind: 'points',
          points: [
            { x: 0, y: 0 },
            { x: 9, y: 1 },
          ],
          mark: '●',
        },
      ],
      yLabels: [
        { y: 2, text: 'top' },
        { y: 0, text: '0' },
      ],
      xLabels: [
        { x: 0, text: 'a' },
        { x: 9, text: 'end' },
      ],
    });
    expect(out).toBe(
      [
        'top ┤───────···',
        '    │   ····  ●',
        '  0 ┤●··',
        '    └┬────────┬',
        '     a      end',
        '',
      ].join('\n'),
    );
  });
});
