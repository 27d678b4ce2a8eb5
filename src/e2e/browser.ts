import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Config } from '../config.js';
import { startWorker } from '../platform/jobs.js';
import { seedDemo } from '../seed/demo.js';
import { startTestEnv, type TestEnv } from '../testing/harness.js';

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

/** Where screenshots go: test-results/screenshots/ (git-ignored), or the folder SCREENSHOTS names (docs/screenshots refreshes the committed ones). */
export const SHOTS = join(fileURLToPath(new URL('../../', import.meta.url)), process.env.SCREENSHOTS || 'test-results/screenshots', '/');
/** The desktop size of the journeys' committed screenshots. */
export const WIDE = { width: 1440, height: 900 };

export interface Screens {
  env: TestEnv;
  /** the test server's address, e.g. http://127.0.0.1:41234 */
  base: string;
  /** the demo tenant's owner key (seeded), or the test tenant's (not seeded) */
  ownerKey: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * What every screen test stands on: the web app built, a test server (with the demo tenant seeded
 * under `bootstrapKey` and the job worker running, unless `demo: false`; its membership — tiers, points,
 * packs, the mall — only with `membership: true`, as the walks of those screens build their own), listening
 * on a free port that the links it hands out point at, and Chromium.
 */
export async function startScreens(opts: { bootstrapKey?: string; demo?: boolean; membership?: boolean; config?: Partial<Config> } = {}): Promise<Screens> {
  // @ts-expect-error plain ESM helper beside the web app
  const { ensureWebBuilt } = await import('../../web/ensure-built.mjs');
  await ensureWebBuilt({ quiet: true });
  const env = await startTestEnv({ config: opts.config });
  let ownerKey = env.ownerKey;
  let stopWorker = async () => {};
  if (opts.demo !== false) {
    env.ctx.config.bootstrapKey = opts.bootstrapKey ?? 'kq_e2e_demo_owner_key_0123456789';
    ({ ownerKey } = await seedDemo(env.ctx, { membership: opts.membership ?? false }));
    stopWorker = startWorker(env.ctx, 100);
  }
  const base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  env.ctx.config.publicUrl = base; // links the server hands out point at this test server
  mkdirSync(SHOTS, { recursive: true });
  const browser = await launch();
  return {
    env,
    base,
    ownerKey,
    browser,
    async close() {
      await browser.close();
      await stopWorker();
      await env.close();
    },
  };
}
