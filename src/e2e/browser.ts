import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * The browser the screen tests drive: Debian's chromium (apt-get install -y chromium), or the one
 * CHROMIUM_PATH names. Absent, the tests skip with this message rather than fail.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumMissing = existsSync(CHROMIUM)
  ? false
  : `no chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH to run the browser tests`;

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * Collects every Content-Security-Policy violation in a context's pages: the page's own
 * `securitypolicyviolation` events and Chromium's "Refused to …" console lines. Call before opening pages.
 */
export async function watchCsp(ctx: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  ctx.on('console', (m) => {
    if (/Content Security Policy|securitypolicyviolation/i.test(m.text())) seen.push(m.text());
  });
  await ctx.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`securitypolicyviolation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`),
    ),
  );
  return seen;
}

/** Whether a secret shows anywhere a script on the page could read it: web storage, readable cookies, the address. */
export async function readableBy(page: Page, secret: string): Promise<string[]> {
  const places = await page.evaluate(() => ({
    localStorage: JSON.stringify({ ...localStorage }),
    sessionStorage: JSON.stringify({ ...sessionStorage }),
    'document.cookie': document.cookie,
    'location.href': location.href,
  }));
  return Object.entries(places)
    .filter(([, v]) => v.includes(secret))
    .map(([k]) => k);
}
