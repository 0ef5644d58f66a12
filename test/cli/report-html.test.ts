/**
 * `goals report --format html` parsed as a browser would (parse5): the
 * page's structure, one accessible chart per goal, tables with headers, not
 * one external reference (no http(s) URL, src, @import or url()), hostile
 * text kept as text, and the size of a 20-goal report.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { describe, expect, it, vi } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { attr, elements, text } from '../helpers/html.js';
import type { Element } from '../helpers/html.js';
import { runCli } from '../helpers/memory-io.js';
import { copyFixture, tempDir } from '../helpers/temp-dir.js';
import { fixtureHistory } from './fixture-history.js';

vi.mock('../../src/cli/open-history.js', () => ({
  openHistory: async (_ctx: unknown, project: { dir: string }) => fixtureHistory(project.dir),
}));

async function htmlReport(dir: string, args: string[] = []) {
  const r = await runCli(['report', '--as-of', '2026-11-16', '-o', 'report.html', ...args], {
    cwd: dir,
  });
  expect(r.code).toBe(0);
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  const all = elements(parse(html));
  return { r, html, all, tags: (tag: string) => all.filter((e) => e.tagName === tag) };
}

/** What would make a browser fetch anything, anywhere in the page. */
function externalReferences(html: string, all: Element[]): string[] {
  const found: string[] = [];
  for (const e of all) {
    if (
      [
        'script',
        'link',
        'img',
        'iframe',
        'object',
        'embed',
        'image',
        'use',
        'audio',
        'video',
        'source',
      ].includes(e.tagName)
    ) {
      found.push(`<${e.tagName}>`);
    }
    for (const a of e.attrs) {
      if (
        ['src', 'srcset', 'xlink:href', 'action', 'formaction', 'poster', 'background'].includes(
          a.name,
        )
      )
        found.push(`${a.name}=${a.value}`);
      if (a.name === 'href' && !a.value.startsWith('#')) found.push(`href=${a.value}`);
      if (/^on/i.test(a.name)) found.push(a.name);
      if (a.name === 'style' && /url\(|@import/i.test(a.value)) found.push(`style=${a.value}`);
    }
  }
  const css = all
    .filter((e) => e.tagName === 'style')
    .map(text)
    .join('\n');
  if (/@import|url\(/i.test(css)) found.push('CSS @import/url()');
  const refresh = all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv'));
  if (refresh) found.push('meta http-equiv');
  for (const m of html.matchAll(/\b(?:https?|ftp):\/\/[^\s"'<>]*/gi)) found.push(m[0]);
  return found;
}

describe('goals report -o report.html on the team fixture', () => {
  it('is HTML by the file’s extension, and says what it wrote', async () => {
    const dir = copyFixture('check/team');
    const { r, html } = await htmlReport(dir);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `Wrote report.html (HTML, 10 goals, ${Math.round(Buffer.byteLength(html) / 1024)} KB).\n`,
    );
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  });

  it('has the structure of a document: head, headings, a section per objective, an article per goal', async () => {
    const { tags, all } = await htmlReport(copyFixture('check/team'));
    const meta = (name: string) => tags('meta').find((m) => attr(m, 'name') === name);
    expect(tags('meta').some((m) => attr(m, 'charset') === 'utf-8')).toBe(true);
    expect(attr(meta('viewport')!, 'content')).toBe('width=device-width, initial-scale=1');
    expect(attr(meta('color-scheme')!, 'content')).toBe('light dark');
    expect(text(tags('title')[0]!)).toBe('Goals report, 2026-11-16 · goals.yaml');
    expect(tags('h1').map(text)).toEqual(['Goals report, 2026-11-16']);
    expect(tags('h2').map(text)).toEqual([
      'Summary: 10 goals',
      'Customers get help fast, on every channel at risk',
      'Problems are solved right the first time off track',
      'Keep more of our customers in 2026 missed',
      'Екипът в София отговаря бързо on track',
      'Goals without an objective not started',
    ]);
    const articles = tags('article');
    expect(articles).toHaveLength(10);
    expect(tags('h3')).toHaveLength(10);
    expect(tags('section').filter((s) => attr(s, 'class') === 'objective')).toHaveLength(5);
    // Ids are unique, and every in-page link lands on one.
    const ids = all.map((e) => attr(e, 'id')).filter((id): id is string => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of tags('a')) expect(ids).toContain(attr(a, 'href')!.slice(1));
  });

  it('draws one chart per goal, each an image with a title and a description', async () => {
    const { tags, all } = await htmlReport(copyFixture('check/team'));
    const charts = tags('svg');
    expect(charts).toHaveLength(10);
    for (const [i, svg] of charts.entries()) {
      expect(attr(svg, 'role')).toBe('img');
      expect(attr(svg, 'class')).toBe('chart');
      const [titleId, descId] = attr(svg, 'aria-labelledby')!.split(' ');
      const title = all.find((e) => attr(e, 'id') === titleId)!;
      const desc = all.find((e) => attr(e, 'id') === descId)!;
      expect(title.tagName).toBe('title');
      expect(desc.tagName).toBe('desc');
      expect(text(desc).length).toBeGreaterThan(20);
      // Inside its goal's article.
      expect(elements(tags('article')[i]!)).toContain(svg);
    }
    // csat-85: the expected path 78 % (07-01) → 81 % (09-30) → 85 % (12-31), as written in goals.yaml.
    const csat = all.find((e) => attr(e, 'id') === 'chart-csat-85-d')!;
    expect(text(csat)).toContain(
      'Expected path from 78 % on 2026-07-01 through 81 % on 2026-09-30 to 85 % on 2026-12-31. Target 85 % by 2026-12-31.',
    );
    // csat-85 has an 80 % interval (83.7 %–84.4 %, as check and explain give it): a fan and
    // its key; first-reply-2h has none (its deadline is beyond its snapshots' reach).
    expect(text(csat)).toContain('Forecast 84 % at the deadline, 80 % interval 83.7 %–84.4 %.');
    const chartOf = (id: string) => tags('article').find((a) => attr(a, 'id') === `goal-${id}`)!;
    const fans = (id: string) =>
      elements(chartOf(id)).filter((e) => e.tagName === 'path' && attr(e, 'class') === 'interval');
    expect(fans('csat-85')).toHaveLength(1);
    expect(text(chartOf('csat-85'))).toContain('80 % interval');
    expect(fans('first-reply-2h')).toHaveLength(0);
    // One dot per snapshot in the chart's window, with the value in its tooltip.
    const article = tags('article').find((a) => attr(a, 'id') === 'goal-first-reply-2h')!;
    const group = elements(article).find((e) => e.tagName === 'g' && attr(e, 'class') === 'dots')!;
    const dots = elements(group).filter((e) => e.tagName === 'circle');
    expect(dots.map(text)).toEqual([
      '2026-10-05: 3 h 57 m',
      '2026-10-12: 3 h 45 m',
      '2026-10-19: 3 h 35 m',
      '2026-10-26: 3 h 27 m',
      '2026-11-02: 3 h 15 m',
      '2026-11-09: 3 h 5 m',
      '2026-11-16: 2 h 55 m',
    ]);
  });

  it('has tables with header cells, the ranked breakdown among them', async () => {
    const { tags } = await htmlReport(copyFixture('check/team'));
    for (const table of tags('table')) {
      const th = elements(table).filter((e) => e.tagName === 'th');
      expect(th.length).toBeGreaterThan(0);
      for (const cell of th) expect(['col', 'row']).toContain(attr(cell, 'scope'));
    }
    const breakdown = tags('table').find((t) => attr(t, 'class') === 'breakdown')!;
    const rows = elements(breakdown)
      .filter((e) => e.tagName === 'tr')
      .map((tr) =>
        elements(tr)
          .filter((e) => e.tagName === 'td' || e.tagName === 'th')
          .map((c) => text(c).trim()),
      );
    expect(rows).toEqual([
      ['#', 'team', 'Now', 'Since 2026-11-09', 'Target'],
      ['1', 'EMEA (this goal)', '26 h 30 m', '−30 m', 'misses'],
      ['2', 'APAC', '39 h 24 m', '−6 m', 'misses'],
    ]);
  });

  it('refers to nothing outside itself', async () => {
    const { html, all } = await htmlReport(copyFixture('check/team'));
    expect(externalReferences(html, all)).toEqual([]);
    // The check itself finds what it must.
    expect(
      externalReferences(
        '<img src="x.png"><a href="https://a.example">',
        elements(parse('<img src="x.png"><a href="https://a.example">')),
      ),
    ).toEqual(['<img>', 'src=x.png', 'href=https://a.example', 'https://a.example']);
  });
});

describe('what the page says', () => {
  it('--since agrees with check --as-of at the earlier date, goal by goal', async () => {
    const dir = copyFixture('check/team');
    const { tags } = await htmlReport(dir, ['--since', '2026-09-15']);
    const r = await runCli(['check', '--as-of', '2026-09-15', '--format', 'json', '--exit-zero'], {
      cwd: dir,
    });
    const then = JSON.parse(r.stdout) as { goals: Array<{ id: string; status: string }> };
    // Each goal's "Since 2026-09-15" figure names the status check gave on that date.
    const since = tags('article').map((article) => {
      const figure = elements(article)
        .filter((e) => e.tagName === 'div')
        .find((d) => text(d).startsWith('Since 2026-09-15'))!;
      const value = elements(figure).find((e) => e.tagName === 'strong')!;
      return [attr(article, 'id')!.replace(/^goal-/, ''), text(value)];
    });
    const statusThen = new Map(then.goals.map((g) => [g.id, g.status]));
    expect(since.map(([id]) => id).sort()).toEqual([...statusThen.keys()].sort());
    for (const [id, figure] of since) {
      const status = statusThen.get(id!)!;
      const words =
        status === 'not-started' ? 'had not started' : status === 'no-data' ? 'had no data' : '';
      const label = status.replace('-', ' ');
      expect([id, figure]).toEqual([
        id,
        expect.stringMatching(
          words ? `^(${words}|${label}, unchanged)$` : `^([▲▼] was ${label}|${label}, unchanged)$`,
        ),
      ]);
    }
  });

  it('keeps dates and values with their units on one line', async () => {
    const { all } = await htmlReport(copyFixture('check/team'));
    const csat = all.find((e) => attr(e, 'id') === 'goal-csat-85')!;
    const note = (label: string) => {
      const figure = elements(csat)
        .filter((e) => e.tagName === 'div')
        .find((d) => text(d).startsWith(label))!;
      // The note: the <dd>'s own span, after the value in <strong>.
      return elements(figure).find((e) => e.tagName === 'span' && !attr(e, 'class'))!;
    };
    const unbroken = (e: Element) =>
      elements(e)
        .filter((c) => c.tagName === 'time' || attr(c, 'class') === 'nb')
        .map((c) => [c.tagName, text(c)]);
    expect(text(note('Progress'))).toBe('expected 72 % by 2026-11-16');
    expect(unbroken(note('Progress'))).toEqual([
      ['span', '72 %'],
      ['time', '2026-11-16'],
    ]);
    // A narrow card broke `81.7 %–86.2 %` after the dash (and, before, after 81.7).
    expect(text(note('Forecast'))).toBe(
      'at 2026-12-31, from the trend; 80 % interval 83.7 %–84.4 %',
    );
    expect(unbroken(note('Forecast'))).toEqual([
      ['time', '2026-12-31'],
      ['span', '80 %'],
      ['span', '83.7 %–84.4 %'],
    ]);
    const pace = elements(all.find((e) => attr(e, 'id') === 'goal-first-reply-2h')!)
      .filter((e) => e.tagName === 'div')
      .find((d) => text(d).startsWith('Pace'))!;
    // A pace in minutes and seconds per week is one unbroken piece, in the value and the note.
    const value = text(elements(pace).find((e) => e.tagName === 'strong')!);
    const needs = text(elements(pace).find((e) => e.tagName === 'span' && !attr(e, 'class'))!);
    expect(value).toMatch(/^−\d+ m( \d+ s)?\/week$/);
    expect(needs).toMatch(/^needs −\d+ m \d+ s\/week$/);
    expect(unbroken(pace)).toEqual([
      ['span', value],
      ['span', needs.replace('needs ', '')],
    ]);
  });

  it('stale goals, each with its own limit when the cadences differ', async () => {
    // Monthly snapshots (usual gap 30–31 days: stale after 62) and weekly ones (stale after 14),
    // both last written on 2026-09-01, 76 days before 2026-11-16.
    const monthly = ['2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01'];
    const weekly = ['2026-08-11', '2026-08-18', '2026-08-25'];
    const csv = [
      'date,metric,segment,value',
      ...[...monthly, '2026-09-01'].map((d, i) => `${d},csat,,${80 + i}`),
      ...[...weekly, '2026-09-01'].map((d, i) => `${d},fcr,,${60 + i}`),
    ].join('\n');
    const goal = (id: string, metric: string, target: number) =>
      `  - { id: ${id}, title: Reach ${target} by the end of 2026, metric: ${metric}, target: ${target}, start: 2026-04-01, deadline: 2026-12-31 }`;
    const dir = tempDir({
      'goals.yaml': `version: 1\ngoals:\n${goal('csat-90', 'csat', 90)}\n${goal('fcr-75', 'fcr', 75)}\n`,
      'snapshots.csv': csv,
    });
    const { tags } = await htmlReport(dir);
    const stale = tags('li').find((li) => text(li).startsWith('⚠ stale'))!;
    expect(text(stale)).toBe(
      '⚠ stale — the newest snapshot is older than stale_after: csat-90 (over 62 days), fcr-75 (over 14 days)',
    );
    expect(
      elements(stale)
        .filter((e) => e.tagName === 'a')
        .map((a) => attr(a, 'href')),
    ).toEqual(['#goal-csat-90', '#goal-fcr-75']);
  });
});

describe('the command at the foot of the page', () => {
  it('names the file, the dates and the selection, and makes the same page again', async () => {
    const dir = copyFixture('check/team');
    renameSync(join(dir, 'goals.yaml'), join(dir, 'team goals.yaml'));
    const { tags, html } = await htmlReport(dir, [
      '-c',
      'team goals.yaml',
      '--since',
      '2026-10-01',
      '--objective',
      'quality',
    ]);
    const command = text(elements(tags('footer')[0]!).find((e) => e.tagName === 'code')!);
    expect(command).toBe(
      'goals report -c "team goals.yaml" --as-of 2026-11-16 --since 2026-10-01 --objective quality',
    );
    // Run as written (the quoted path one word), it writes the same page.
    const args = command
      .replace(/^goals /, '')
      .match(/"[^"]*"|\S+/g)!
      .map((w) => w.replace(/^"(.*)"$/, '$1'));
    const again = await runCli([...args, '-o', 'again.html'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'again.html'), 'utf8')).toBe(html);
  });

  it('leaves out what the user left to its default', async () => {
    const { tags } = await htmlReport(copyFixture('check/team'));
    expect(text(tags('code').at(-1)!)).toBe('goals report --as-of 2026-11-16 --since 2026-11-09');
  });
});

describe('hostile text in goals.yaml', () => {
  it('stays text: no element, attribute or reference comes from it', async () => {
    const dir = copyFixture('check/team');
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(1)> ]]> &amp; \u202e';
    const yaml = readFileSync(join(dir, 'goals.yaml'), 'utf8')
      .replace(
        'title: Reach 85% CSAT in post-service surveys by the end of 2026',
        `title: ${JSON.stringify(hostile)}`,
      )
      .replace(
        'title: Customers get help fast, on every channel',
        `title: ${JSON.stringify('<style>@import url(https://evil.example/x.css)</style>')}`,
      );
    writeFileSync(join(dir, 'goals.yaml'), yaml);
    const { all, tags } = await htmlReport(dir);
    expect(tags('script')).toEqual([]);
    expect(tags('img')).toEqual([]);
    expect(tags('style')).toHaveLength(1);
    const refs = externalReferences('', all);
    expect(refs).toEqual([]);
    // The title reads as written (the bidi override shown as an escape).
    const h3 = tags('h3').map(text);
    expect(h3).toContain(
      'at risk "><script>alert(1)</script><img src=x onerror=alert(1)> ]]> &amp; \\u202e',
    );
    expect(tags('h2').map(text)[1]).toBe(
      '<style>@import url(https://evil.example/x.css)</style> at risk',
    );
  });
});

describe('size', () => {
  it.each([
    ['weekly', 7, 105],
    ['daily', 1, 731],
  ])(
    '20 goals with two years of %s snapshots and 20 teams to rank stay under 300 KB',
    async (_, days, count) => {
      const teams = Array.from({ length: 20 }, (_, i) => `team-${String(i + 1).padStart(2, '0')}`);
      const goals = teams.map(
        (team, i) => `  - id: csat-${team}
    title: Reach 85% CSAT in ${team} by the end of 2026
    owner: Lead ${i + 1}
    objective: ${i < 10 ? 'quality' : 'speed'}
    metric: csat
    segment: { team: ${team} }
    baseline: 78
    target: 85
    start: 2026-07-01
    deadline: 2026-12-31
    milestones:
      - { date: 2026-09-30, target: 81 }
`,
      );
      const yaml = `version: 1
objectives:
  - { id: quality, title: Problems are solved right the first time }
  - { id: speed, title: Customers get help fast }
goals:
${goals.join('\n')}`;
      // From 2024-11-18 to 2026-11-16 for each team: 105 Mondays, or 731 days.
      let csv = 'date,metric,segment,value\n';
      for (const [t, team] of teams.entries()) {
        for (let w = 0; w < count; w++) {
          const value = 74 + t * 0.3 + w * 0.07 * (days / 7) + ((w * 7 + t) % 5) * 0.4;
          csv += `${addDays('2024-11-18', days * w)},csat,team=${team},${value.toFixed(1)}\n`;
        }
      }
      const dir = tempDir({ 'goals.yaml': yaml, 'snapshots.csv': csv });
      const { html, tags } = await htmlReport(dir);
      const size = Buffer.byteLength(html);
      expect(tags('svg')).toHaveLength(20);
      expect(tags('table').filter((t) => attr(t, 'class') === 'breakdown')).toHaveLength(20);
      expect(size).toBeLessThan(300 * 1024);
    },
  );
});
