// @ts-check
/**
 * The README's picture of `goals report`: the HTML report of
 * goals.example.yaml as of 2026-11-16 (compared with 2026-10-01), opened
 * in Debian's Chromium (playwright-core) and photographed in light mode, from
 * the top through the first goal. Run after `npm run build`:
 *
 *   node scripts/screenshot-report.mjs [docs/report.png]
 *
 * Needs /usr/bin/chromium (apt-get install -y chromium). The report is built
 * in a temporary copy of the example, so the repository is left as it was.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM, launchChromium } from './chromium.mjs';

const AS_OF = '2026-11-16';
/** Since the quarter began: a slip and some improvements to show. */
const SINCE = '2026-10-01';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'docs', 'report.png'));

if (!existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'goals-screenshot-'));
try {
  cpSync(join(root, 'goals.example.yaml'), join(dir, 'goals.example.yaml'));
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  execFileSync(
    process.execPath,
    [
      join(root, 'bin', 'goals.js'),
      'report',
      '-c',
      'goals.example.yaml',
      '--as-of',
      AS_OF,
      '--since',
      SINCE,
      '-o',
      'report.html',
      '-q',
    ],
    { cwd: dir, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } },
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({
      viewport: { width: 1100, height: 900 },
      colorScheme: 'light',
    });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    // From the top to the end of the first goal: the summary, an objective, a chart.
    const box = await page.locator('article.goal').first().boundingBox();
    if (!box) throw new Error('The report has no goal to show.');
    const end = Math.ceil(box.y + box.height + 16);
    await page.screenshot({
      path: out,
      fullPage: true,
      clip: { x: 0, y: 0, width: 1100, height: end },
    });
    console.log(`Wrote ${out} (1100 × ${end})`);
  } finally {
    await browser.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
