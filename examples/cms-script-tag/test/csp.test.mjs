// The CMS page in real Chromium, under its strict CSP: the one script registers the elements,
// the feed renders from attributes alone, and the browser reports no CSP violation.
import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/server.mjs';
import { playwrightLaunchOptions } from '../../../scripts/chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let site;
let browser;

before(async () => {
  site = await serveStatic(join(root, 'dist'));
  browser = await chromium.launch(playwrightLaunchOptions);
});
after(async () => {
  await browser?.close();
  site?.server.close();
});

test('the one-script page renders the feed under script-src/style-src self with no CSP violation', async () => {
  const page = await browser.newPage();
  await page.route(/^https:\/\//, (route) => route.fulfill({ status: 204 }));
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });

  const response = await page.goto(`${site.url}/`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self'; style-src 'self'/);
  const feed = page.getByRole('list', { name: 'Posts to share' });
  await feed.getByRole('listitem').first().waitFor();
  assert.ok((await feed.getByRole('button', { name: /^Share/ }).count()) > 0, 'posts offer a Share button');
  await page.locator('advocacy-leaderboard').getByRole('listitem').first().waitFor();
  assert.equal(await page.evaluate(() => customElements.get('advocacy-feed') !== undefined), true);
  assert.deepEqual(
    problems.filter((text) => !text.includes('Failed to load resource')),
    [],
  );
  await page.close();
});
