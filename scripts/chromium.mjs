// @ts-check
/**
 * Debian's Chromium (apt-get install -y chromium), started headless by
 * playwright-core for the HTML report's browser test and the README's
 * screenshot. playwright-core downloads no browser of its own; the flags keep
 * Chromium from calling home (the network is closed, and the test asserts
 * that the report makes no request).
 */
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
