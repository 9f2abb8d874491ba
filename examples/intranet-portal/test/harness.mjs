// Shared set-up for the portal's browser tests: a fresh demo stack (real server on a temporary
// SQLite database, seeded; the built portal) and a Chromium that is always closed afterwards.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildPortal, PORTAL_DIR, startStack } from '../scripts/stack.mjs';
import { playwrightLaunchOptions } from '../../../scripts/chromium.mjs';

export const USER_AGENTS = {
  linkedInBot: 'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  visitor: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

/** Starts everything the browser tests need; `close()` stops it all and removes the data. */
export async function openHarness() {
  if (!existsSync(join(PORTAL_DIR, 'dist', 'index.html'))) buildPortal({ quiet: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'advocacy-portal-test-'));
  // The portal's proxy logs every refused connection while a test stops the server: keep it quiet.
  const stack = await startStack({ dataDir, logLevel: 'warn', stdio: 'inherit', portalStdio: 'ignore' });
  let browser;
  try {
    browser = await chromium.launch(playwrightLaunchOptions);
  } catch (error) {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
  // The tests never leave the machine: social networks and article sites answer locally.
  await context.route(/^https:\/\//, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>external</title>' }),
  );
  return {
    stack,
    dataDir,
    browser,
    context,
    async close() {
      await browser.close().catch(() => {});
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs out with the header's button and waits for the sign-in page: the portal first deletes
 * what it kept for offline reading, so the page moves on a moment after the click.
 */
export async function signOut(page) {
  await page.getByRole('button', { name: /^(ログアウト|Sign out)$/ }).click();
  await page.waitForURL(/\/signin\.html/);
}

/** Signs in on the demo sign-in page as the employee whose option label starts with `name`. */
export async function signIn(page, baseUrl, { name, language }) {
  await page.goto(`${baseUrl}/signin.html`);
  // The page starts in the browser's language; pick the one asked for, then labels follow it.
  await page.getByLabel(/^(表示言語|Language)$/).selectOption(language);
  const person = page.getByLabel(language === 'ja' ? 'ログインする人' : 'Sign in as');
  await person.and(page.locator(':enabled')).waitFor();
  const option = person.locator('option', { hasText: name });
  await person.selectOption(await option.getAttribute('value'));
  await page.getByRole('button', { name: language === 'ja' ? 'ログイン' : 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/signin.html'));
}

/** The signed-in employee's token, as the portal keeps it. */
export async function tokenOf(page) {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('intranet-portal.session')).token);
}

/** The events the portal's queue keeps in localStorage for the signed-in employee (not yet delivered). */
export async function queuedEvents(page) {
  return page.evaluate(() => {
    const { employee } = JSON.parse(sessionStorage.getItem('intranet-portal.session'));
    return JSON.parse(localStorage.getItem(`intranet-portal:${employee.id}:events:${employee.id}`) ?? '[]');
  });
}

/**
 * From now on, records in the tab's sessionStorage (so it survives reloads) every batch of events
 * the page hands to `navigator.sendBeacon`, and whether the browser took it. The beacon itself is
 * sent as usual. Call before the page loads.
 */
export async function recordBeacons(page) {
  await page.addInitScript(() => {
    const send = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url, data) => {
      const taken = send(url, data);
      const log = JSON.parse(sessionStorage.getItem('test.beacons') ?? '[]');
      const ids = (JSON.parse(String(data)).events ?? []).map((event) => event.id);
      sessionStorage.setItem('test.beacons', JSON.stringify([...log, { taken, ids }]));
      return taken;
    };
  });
}

/** What `recordBeacons` saw: `{ taken, ids }` per beacon. */
export async function recordedBeacons(page) {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('test.beacons') ?? '[]'));
}
