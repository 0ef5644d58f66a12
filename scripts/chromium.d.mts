import type { Browser } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM: string;
/** Debian's Chromium, headless, with no background networking (see chromium.mjs). */
export function launchChromium(): Promise<Browser>;
