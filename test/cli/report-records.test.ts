/**
 * `goals report` on a records source: the rows behind each snapshot (n) and
 * partial periods, as check shows them (DESIGN §11, §12). Fixture:
 * test/fixtures/records/zendesk-weekly (see test/cli/records-display.test.ts
 * for the hand count): CSAT of team Support is 50 % from 2 ratings in the week
 * of 2 Nov and 100 % from 1 rating in the week of 9 Nov, a partial week (the
 * export ends on Thursday 12 Nov); min_sample is the default 30. The metric
 * is a percentage: the chart's value axis stops at 100 %.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { attr, elements, text } from '../helpers/html.js';
import type { Element } from '../helpers/html.js';
import { runCli } from '../helpers/memory-io.js';
import { copyFixture } from '../helpers/temp-dir.js';

const classes = (e: Element) => attr(e, 'class')?.split(' ') ?? [];

const AS_OF = ['--as-of', '2026-11-13'];
const LEGEND = [
  '* small sample (fewer than min_sample 30 rows): csat-support (1 row)',
  '~ partial period (the export covers only part of it): csat-support',
];

describe('goals report of a records source', () => {
  it('HTML: the summary marks and explains a small sample and a partial period; the chart gives n', async () => {
    const dir = copyFixture('records/zendesk-weekly');
    const r = await runCli(['report', ...AS_OF, '-o', 'report.html'], { cwd: dir });
    expect(r.code).toBe(0);
    const all = elements(parse(readFileSync(join(dir, 'report.html'), 'utf8')));
    const tags = (tag: string) => all.filter((e) => e.tagName === tag);

    const overview = tags('td').find((td) => attr(td, 'data-label') === 'Now → target')!;
    expect(text(overview)).toBe('100 %*~ → 90 %');
    const notes = elements(all.find((e) => classes(e).includes('changes'))!)
      .filter((e) => e.tagName === 'li')
      .map(text);
    expect(notes.slice(1)).toEqual(LEGEND);

    const now = tags('div').find((d) => text(d).startsWith('Now'))!;
    expect(text(now)).toBe(
      'Now100 %on 2026-11-09, n = 1, partial period, fewer than min_sample 30 rows',
    );

    const dots = elements(all.find((e) => classes(e).includes('dots'))!).filter(
      (e) => e.tagName === 'circle',
    );
    expect(dots.map((c) => [attr(c, 'class') ?? '', text(c)])).toEqual([
      ['', '2026-11-02: 50 %, n = 2'],
      ['partial', '2026-11-09: 100 %, n = 1, partial period'],
    ]);
    const values = all.filter((e) => classes(e).includes('value')).map(text);
    expect(values.at(-1)).toBe('100 %');
  });

  it('Markdown: the same legend under the summary, and n in the figures', async () => {
    const dir = copyFixture('records/zendesk-weekly');
    const r = await runCli(['report', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '\\* small sample (fewer than min\\_sample 30 rows): csat-support (1 row)  \n' +
        '\\~ partial period (the export covers only part of it): csat-support\n',
    );
    expect(r.stdout).toContain(
      '| Now | **100 %** | on 2026-11-09, n = 1, partial period, fewer than min\\_sample 30 rows |\n',
    );
  });
});
