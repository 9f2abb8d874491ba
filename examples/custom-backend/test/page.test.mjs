// The components on top of the company API, in Chromium: the feed comes through the adapter,
// and a share made in the page lands in the company API for the signed-in person.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startExample } from '../scripts/start.mjs';
import { playwrightLaunchOptions } from '../../../scripts/chromium.mjs';

let example;
let browser;
before(async () => {
  example = await startExample({ stdio: 'ignore' });
  browser = await chromium.launch(playwrightLaunchOptions);
});
after(async () => {
  await browser?.close();
  await example?.stop();
});

test('the feed loads through the adapter and a share reaches the company API', async () => {
  const context = await browser.newContext();
  await context.route(/^https:\/\//, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>external</title>' }));
  const page = await context.newPage();
  const companyCalls = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/v2/')) companyCalls.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  await page.goto(`${example.url}/`);

  const feed = page.getByRole('list', { name: 'Posts to share' });
  await feed.getByRole('listitem').first().waitFor();
  assert.ok(
    companyCalls.some((call) => /^GET \/v2\/articles\?.*page=1/.test(call)),
    `the feed asked the company API: ${companyCalls}`,
  );

  const title = await feed.getByRole('heading').first().innerText();
  await page.getByRole('button', { name: `Share “${title}”` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'X', exact: true }).check();
  const popupOpened = context.waitForEvent('page');
  await dialog.getByRole('button', { name: 'Share on X' }).click();
  const popup = await popupOpened;
  await popup.waitForURL(/x\.com|twitter\.com/);
  await dialog.getByText('Thanks for sharing!').waitFor();

  // The share is in the company API, for Emily (the page's default person).
  const session = example.api.openSession('emp-emily');
  const shares = await (await fetch(`${example.api.url}/v2/people/me/shares?per_page=1`, { headers: { 'x-session': session } })).json();
  assert.equal(shares.results[0].channel, 'x');
  assert.match(decodeURIComponent(popup.url()), new RegExp(`${example.api.url}/r/`));
  await context.close();
});
