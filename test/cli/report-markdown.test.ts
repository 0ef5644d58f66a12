/**
 * `goals report --format markdown` on the team fixture: the whole report as
 * a file snapshot, rendered by a real Markdown renderer (markdown-it) to check
 * its structure, the figures worked out by hand, escaping of hostile text,
 * and the command's options and errors.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/memory-io.js';
import { copyFixture } from '../helpers/temp-dir.js';
import { fixtureHistory } from './fixture-history.js';

vi.mock('../../src/cli/open-history.js', () => ({
  openHistory: async (_ctx: unknown, project: { dir: string }) => fixtureHistory(project.dir),
}));

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'check', 'team');
const EXPECTED = join(FIXTURE, 'expected');

const report = (args: string[], cwd = FIXTURE) =>
  runCli(['report', '--as-of', '2026-11-16', ...args], { cwd });

/** Markdown rendered as GitHub would (raw HTML allowed), with the text of each element. */
function render(markdown: string): { html: string; texts: (tag: string) => string[] } {
  const html = new MarkdownIt({ html: true }).render(markdown);
  const texts = (tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) =>
      m[1]!.replace(/<[^>]+>/g, '').trim(),
    );
  return { html, texts };
}

describe('goals report --format markdown on the team fixture', () => {
  it('writes the whole report to stdout (markdown is the default without -o)', async () => {
    const r = await report([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot(join(EXPECTED, 'report.md'));
    const explicit = await report(['--format', 'markdown']);
    expect(explicit.stdout).toBe(r.stdout);
  });

  it('renders as a title, a section per objective and one per goal, each with its tables', async () => {
    const { texts, html } = render((await report([])).stdout);
    expect(texts('h1')).toEqual(['Goals report, 2026-11-16']);
    expect(texts('h2')).toEqual([
      '🟡 Customers get help fast, on every channel',
      '🔴 Problems are solved right the first time',
      '❌ Keep more of our customers in 2026',
      '🟢 Екипът в София отговаря бързо',
      '⏳ Goals without an objective',
    ]);
    expect(texts('h3')).toHaveLength(10);
    expect(texts('h3')[2]).toBe('🟡 Reach 85% CSAT in post-service surveys by the end of 2026');
    // Per goal a table of figures; the goals with two dates a table of periods; EMEA a ranking.
    const tables = html.match(/<table>/g)!.length;
    expect(tables).toBe(10 + 9 + 1);
    expect(html).not.toContain('|'); // every table row was parsed as a table
  });

  it('shows the figures worked out by hand', async () => {
    const { stdout } = await report([]);
    const section = (id: string) => stdout.slice(stdout.indexOf(`\`${id}\``)).split('\n### ')[0]!;
    // csat-85: 82.3 (11-16), 82.4 (11-09): −0.1 pp; progress (82.3 − 78) ÷ 7 = 61 %, then 63 %.
    expect(section('csat-85')).toContain('| Now | **82.3 %** | on 2026-11-16 |');
    expect(section('csat-85')).toContain(
      '| Since 2026-11-09 | **at risk, unchanged** | −0.1 pp, progress −2 pp |',
    );
    expect(section('csat-85')).toContain('| Week before | week of 2026-11-09 | 82.4 % | −0.1 pp |');
    expect(section('csat-85')).toContain(
      '| A year earlier | week of 2025-11-17 | no data (it starts 2026-07-06) |  |',
    );
    // churn-2pct is judged at its deadline 09-30 on 2.2 (09-30); August 2.3.
    expect(section('churn-2pct')).toContain('| Latest month | September 2026 | 2.2 % |  |');
    expect(section('churn-2pct')).toContain('| Month before | August 2026 | 2.3 % | −0.1 pp |');
    // resolution by team, lower is better: EMEA 95 400 s = 26 h 30 m (−1 800 s since 11-09), APAC 141 840 s = 39 h 24 m (−360 s).
    expect(section('resolution-emea-24h')).toContain(
      '| 1 | **EMEA (this goal)** | 26 h 30 m | 2026-11-16 | −30 m | misses |\n| 2 | APAC | 39 h 24 m | 2026-11-16 | −6 m | misses |\n',
    );
    // Sparkline of the last 12 csat snapshots, 08-31 … 11-16.
    expect(section('csat-85')).toMatch(/Trend `[▁-█]{12}` 12 snapshots, 2026-08-31 to 2026-11-16/);
  });

  it('--since compares with another date; slips are listed at the top', async () => {
    const { stdout } = await report(['--since', '2026-09-15']);
    expect(stdout).toContain('as of 2026-11-16, compared with 2026-09-15');
    expect(stdout).toContain('▼ 1 slipped since 2026-09-15: churn-2pct (off track → missed)  \n');
  });

  it('--goal and --objective select as in check', async () => {
    const { texts } = render((await report(['--objective', 'retention'])).stdout);
    expect(texts('h3')).toEqual([
      '✅ Raise NPS from 22 to 30 by the end of 2026',
      '❌ Bring monthly churn down to 2.0% by the end of Q3',
    ]);
    const one = render((await report(['--goal', 'fcr-75'])).stdout);
    expect(one.texts('h3')).toEqual(['🔴 Solve 75% of tickets on first contact by the end of Q4']);
  });

  it('ends with the command that makes it again, a file name with backticks in one code span', async () => {
    const dir = copyFixture('check/team');
    renameSync(join(dir, 'goals.yaml'), join(dir, 'goals `v2`.yaml'));
    const { stdout } = await report(['-c', 'goals `v2`.yaml', '--goal', 'fcr-75'], dir);
    const { texts } = render(stdout);
    // markdown-it writes the quotes as &quot;.
    expect(texts('code').at(-1)!.replaceAll('&quot;', '"')).toBe(
      'goals report -c "goals \\`v2\\`.yaml" --as-of 2026-11-16 --since 2026-11-09 --goal fcr-75',
    );
  });

  it('-o FILE writes the file and says so on stderr', async () => {
    const dir = copyFixture('check/team');
    const r = await report(['-o', 'goals.md'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(join(dir, 'goals.md'), 'utf8');
    expect(r.stderr).toBe(
      `Wrote goals.md (Markdown, 10 goals, ${Math.round(Buffer.byteLength(text) / 1024)} KB).\n`,
    );
    expect(text).toBe((await report([], dir)).stdout);
  });

  it('errors are exit 2 and write nothing', async () => {
    const dir = copyFixture('check/team');
    const missing = await report(['-o', 'no/such/folder/goals.md'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      `Cannot write the report to no/such/folder/goals.md: the folder ${join(dir, 'no', 'such', 'folder')} does not exist.`,
    );
    const folder = await report(['-o', '.'], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(
      'Cannot write the report to .: that is a folder; name a file in it, e.g. goals.html.',
    );
    const goal = await report(['--goal', 'csat-58'], dir);
    expect(goal.code).toBe(2);
    expect(goal.stderr).toContain('Did you mean "csat-85"?');
    const since = await report(['--since', 'last week'], dir);
    expect(since.code).toBe(2);
    expect(since.stderr).toContain(
      '--since last week is neither a date nor a number of days or weeks.',
    );
    expect(existsSync(join(dir, 'goals.md'))).toBe(false);
  });
});

describe('hostile text in goals.yaml', () => {
  it('never becomes markup, links or broken tables', async () => {
    const dir = copyFixture('check/team');
    const yaml = readFileSync(join(dir, 'goals.yaml'), 'utf8')
      .replace(
        'title: Reach 85% CSAT in post-service surveys by the end of 2026',
        'title: "<script>alert(1)</script> | ![x](https://evil.example/x.png) [click](javascript:alert(1)) **bold** `code`"',
      )
      .replace('owner: Maria Ivanova', 'owner: "<img src=x onerror=alert(1)>"');
    writeFileSync(join(dir, 'goals.yaml'), yaml);
    const r = await report([], dir);
    expect(r.code).toBe(0);
    const { html, texts } = render(r.stdout);
    expect(html).not.toMatch(/<script|<img|<a |<strong>bold|<code>code/);
    expect(texts('h3')[2]).toBe(
      '🟡 &lt;script&gt;alert(1)&lt;/script&gt; | ![x](https://evil.example/x.png) [click](javascript:alert(1)) **bold** `code`',
    );
    expect(html).not.toContain('| Now |');
  });
});
