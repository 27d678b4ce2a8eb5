import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * The browser the screen tests drive: Debian's chromium (apt-get install -y chromium), or the one
 * CHROMIUM_PATH names. Absent, the tests skip with this message rather than fail.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumMissing = existsSync(CHROMIUM) ? false : `no chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH to run the browser tests`;

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
