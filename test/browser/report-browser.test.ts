/**
 * The HTML report in a real browser: Debian's Chromium, driven by
 * playwright-core. The report of goals.example.yaml loads from a file:// URL
 * with no console error and no request but its own file; its colours keep a
 * WCAG AA contrast in light and dark mode; it fits a phone without sideways
 * scrolling; printed, each objective starts a page. Screenshots in light and
 * dark mode and at phone width are taken (kept in $GOALS_SCREENSHOTS when set).
 *
 * Without /usr/bin/chromium the tests are skipped, saying why — except in
 * CI (CI=true), where .ci/run installs it and its absence is a failure.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from '../../scripts/chromium.mjs';
import { runCli } from '../helpers/memory-io.js';

const hasChromium = existsSync(CHROMIUM);
const isCi = process.env.CI === 'true';
const root = join(import.meta.dirname, '..', '..');

if (!hasChromium && !isCi) {
  process.stderr.write(
    `\ntest/browser: the HTML report's browser tests are skipped: ${CHROMIUM} is not installed (apt-get install -y chromium).\n`,
  );
}

describe.runIf(isCi && !hasChromium)('in CI', () => {
  it('Chromium is installed (.ci/run: apt-get install -y chromium)', () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing`).toBe(true);
  });
});

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = css
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map((c) => Number(c) / 255) as [number, number, number];
    const f = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
  };
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Text colour on background, as the stylesheet pairs them (status pills, chart labels on the goal's period band …). */
const PAIRS: Array<[string, string]> = [
  ['--fg', '--bg'],
  ['--fg', '--card'],
  ['--muted', '--bg'],
  ['--muted', '--card'],
  ['--muted', '--band'],
  ['--accent', '--bg'],
  ['--accent', '--card'],
  ['--accent', '--band'],
  ['--good', '--bg'],
  ['--good', '--card'],
  ['--good', '--band'],
  ['--warn', '--bg'],
  ['--bad', '--bg'],
  ['--bad', '--card'],
  ['--worst', '--bg'],
  ['--none', '--bg'],
  ['--good', '--good-bg'],
  ['--warn', '--warn-bg'],
  ['--bad', '--bad-bg'],
  ['--worst', '--bad-bg'],
  ['--none', '--none-bg'],
];

describe.skipIf(!hasChromium)(
  `goals report in Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} is not installed; apt-get install -y chromium)`}`,
  { timeout: 120_000 },
  () => {
    let browser: Browser;
    let url: string;
    // The report and, unless $GOALS_SCREENSHOTS keeps them, the screenshots: removed after the tests.
    const dir = mkdtempSync(join(tmpdir(), 'goals-report-browser-'));
    const shots = process.env.GOALS_SCREENSHOTS ?? join(dir, 'screenshots');

    beforeAll(async () => {
      cpSync(join(root, 'goals.example.yaml'), join(dir, 'goals.example.yaml'));
      cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
      const r = await runCli(
        ['report', '-c', 'goals.example.yaml', '--as-of', '2026-11-16', '-o', 'report.html', '-q'],
        { cwd: dir },
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      url = pathToFileURL(join(dir, 'report.html')).href;
      mkdirSync(shots, { recursive: true });
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Opens the report, recording console errors and every request (anything but the file is refused). */
    async function open(options: Parameters<Browser['newPage']>[0]) {
      const page = await browser.newPage(options);
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.request().url() === url ? route.continue() : route.abort();
      });
      await page.goto(url, { waitUntil: 'load' });
      return { page, errors, requests };
    }

    /** A full-page screenshot; returns its width and height in pixels (from the PNG header). */
    async function screenshot(page: Page, name: string): Promise<[number, number]> {
      const path = join(shots, name);
      await page.screenshot({ path, fullPage: true });
      const png = readFileSync(path);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    }

    /** The page runs this text; the project has no DOM types, so it stays a string. */
    async function inPage<T>(page: Page, script: string): Promise<T> {
      return (await page.evaluate(script)) as T;
    }

    /** The stylesheet's colours, as the browser computes them for the scheme. */
    function palette(page: Page): Promise<Record<string, string>> {
      const names = JSON.stringify([...new Set(PAIRS.flat())]);
      return inPage(
        page,
        `(() => {
          const probe = document.createElement('span');
          document.body.append(probe);
          const out = {};
          for (const name of ${names}) {
            probe.style.color = 'var(' + name + ')';
            out[name] = getComputedStyle(probe).color;
          }
          probe.remove();
          return out;
        })()`,
      );
    }

    it.each(['light', 'dark'] as const)(
      '%s mode: loads with no error and no request, readable colours',
      async (scheme) => {
        const { page, errors, requests } = await open({
          viewport: { width: 1200, height: 900 },
          colorScheme: scheme,
        });
        expect(errors).toEqual([]);
        expect(requests).toEqual([url]);
        expect(await page.locator('svg.chart').count()).toBe(8);
        // Every chart is drawn at a size, with its lines.
        const boxes = await page
          .locator('svg.chart')
          .evaluateAll((svgs) =>
            svgs.map((s) => [
              s.getBoundingClientRect().width,
              s.querySelectorAll('path, line, circle').length,
            ]),
          );
        for (const [width, marks] of boxes) {
          expect(width).toBeGreaterThan(300);
          expect(marks).toBeGreaterThan(5);
        }
        const colours = await palette(page);
        const background = await inPage<string>(
          page,
          'getComputedStyle(document.body).backgroundColor',
        );
        expect(background).toBe(scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)');
        const low = PAIRS.map(
          ([fg, bg]) => [`${fg} on ${bg}`, contrast(colours[fg]!, colours[bg]!)] as const,
        ).filter(([, ratio]) => ratio < 4.5);
        expect(low).toEqual([]);
        const [width, height] = await screenshot(page, `report-${scheme}.png`);
        expect(width).toBe(1200);
        expect(height).toBeGreaterThan(3000);
        await page.close();
      },
    );

    it('at phone width: nothing wider than the screen, charts still drawn', async () => {
      const { page, errors } = await open({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      expect(errors).toEqual([]);
      const widths = await inPage<{ page: number; screen: number; charts: number[] }>(
        page,
        `({
          page: document.documentElement.scrollWidth,
          screen: window.innerWidth,
          charts: [...document.querySelectorAll('svg.chart')].map((s) => s.getBoundingClientRect().width),
        })`,
      );
      expect(widths.page).toBeLessThanOrEqual(widths.screen);
      for (const chart of widths.charts) expect(chart).toBeGreaterThan(300);
      const [width] = await screenshot(page, 'report-phone.png');
      expect(width).toBe(780);
      await page.close();
    });

    it('printed: light colours, and each objective on a new page', async () => {
      const { page } = await open({ colorScheme: 'dark' });
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const styles = await inPage<{ background: string; breaks: string[] }>(
        page,
        `({
          background: getComputedStyle(document.body).backgroundColor,
          breaks: [...document.querySelectorAll('section.objective')].map((s) => getComputedStyle(s).breakBefore),
        })`,
      );
      expect(styles.background).toBe('rgb(255, 255, 255)');
      expect(styles.breaks).toEqual(['page', 'page', 'page']);
      // The summary on the first page, then at least a page per objective.
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page\b/g)!.length;
      expect(pages).toBeGreaterThanOrEqual(4);
      await page.close();
    });
  },
);
