// The portal on a phone: 390×844 with touch. The sidebar's sections are at most two taps away
// (the bottom bar), there is a skip link to them for keyboards, and after one visit the portal
// opens offline: the service worker serves the shell and the last feed, and the feed says it is
// offline.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openHarness, signIn } from './harness.mjs';

const PHONE = { width: 390, height: 844 };
// The worker installs the whole shell before it takes over and keeps the feed: on a busy machine that takes seconds.
const WORKER_MS = 30_000;

let harness;
before(async () => {
  harness = await openHarness();
});
after(async () => {
  await harness?.close();
});

/** Whether the element's top edge is on screen (below the top, above the bottom bar). */
async function onScreen(locator) {
  const box = await locator.boundingBox();
  if (box === null) return false;
  return box.y >= 0 && box.y < PHONE.height - 56;
}

test('at 390×844 an employee reaches My impact and Suggest within two taps, skips to them from the keyboard, and reads the last feed offline after one visit', async () => {
  const { browser, stack } = harness;
  const context = await browser.newContext({ locale: 'en-US', viewport: PHONE, hasTouch: true, isMobile: true });
  try {
    await context.route(/^https:\/\//, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>external</title>' }),
    );
    const page = await context.newPage();
    await signIn(page, stack.url, { name: '高橋 健二', language: 'en' });
    const feed = page.getByRole('list', { name: 'Posts to share' });
    const firstTitle = feed.getByRole('heading').first();
    await firstTitle.waitFor();
    // Text content, not inner text: a card scrolled off screen has no rendered text to read. The
    // feed draws its cards a few at a time and is busy until the last one is drawn.
    const drawn = () => assertEventually(async () => (await feed.getAttribute('aria-busy')) === null, 'the feed drew every card');
    const headings = async () => (await feed.getByRole('heading').allTextContents()).map((title) => title.trim());
    await drawn();
    const titles = await headings();
    assert.ok(titles.length > 0, 'the feed lists posts');

    // The feed comes first on a phone; the sections are on the bottom bar.
    const bar = page.getByRole('navigation', { name: 'Home sections' });
    await bar.waitFor();
    const impact = page.locator('advocacy-my-stats');
    const impactHeading = impact.getByRole('heading', { name: 'My impact' });
    const suggestHeading = page.locator('advocacy-suggest').getByRole('heading', { name: 'Suggest a link' });
    // Below the feed, the components load as they come near the screen.
    assert.equal(await onScreen(impact), false, 'My impact starts below the feed, off screen');

    let taps = 0;
    const tap = async (locator) => {
      await locator.tap();
      taps += 1;
    };
    await tap(bar.getByRole('link', { name: 'My impact' }));
    await assertEventually(() => onScreen(impactHeading), 'My impact is on screen');
    assert.ok(taps <= 2, `My impact took ${taps} taps`);
    assert.equal(await bar.getByRole('link', { name: 'My impact' }).getAttribute('aria-current'), 'location');

    taps = 0;
    await tap(bar.getByRole('link', { name: 'Share' }));
    await assertEventually(async () => !(await onScreen(suggestHeading)), 'back at the feed');
    taps = 0;
    await tap(bar.getByRole('link', { name: 'Suggest' }));
    await assertEventually(() => onScreen(suggestHeading), 'Suggest is on screen');
    assert.ok(taps <= 2, `Suggest took ${taps} taps`);
    await page.locator('advocacy-suggest').getByRole('textbox').first().waitFor();

    // Keyboards: the second skip link goes to the sidebar.
    await page.goto(`${stack.url}/`);
    await firstTitle.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to your advocacy');
    await page.keyboard.press('Enter');
    await assertEventually(() => page.evaluate(() => document.activeElement?.id === 'side'), 'focus is in the sidebar');

    // Installable: a manifest with icons, and a service worker that now controls the page.
    const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel="manifest"]').href)).json());
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((icon) => icon.sizes === '512x512' && icon.type === 'image/png'));
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (navigator.serviceWorker.controller === null) {
        await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
      }
    });
    // Once in control, the page read the feed again through the worker, which kept it.
    await assertEventually(
      () =>
        page.evaluate(async () => (await (await caches.open('portal-api')).keys()).some((r) => new URL(r.url).pathname === '/api/v1/feed')),
      'the worker kept the feed',
      WORKER_MS,
    );

    // Signing out deletes what the worker kept of this employee; signing in again keeps the new feed.
    const keptFeed = () =>
      page.evaluate(async () => (await (await caches.open('portal-api')).keys()).some((r) => new URL(r.url).pathname === '/api/v1/feed'));
    await page.getByRole('button', { name: 'Sign out' }).tap();
    await page.waitForURL(/\/signin\.html/);
    assert.equal(await keptFeed(), false, 'nothing of the employee is kept after sign-out');
    await signIn(page, stack.url, { name: '高橋 健二', language: 'en' });
    await firstTitle.waitFor();
    await assertEventually(keptFeed, 'the worker kept the feed again', WORKER_MS);

    // Offline: the browser has no network, and the portal and the server are gone too.
    await context.setOffline(true);
    await stack.stop();
    await page.reload();
    await page.getByRole('banner').getByText('Kumo Systems').waitFor();
    await feed.getByRole('heading', { name: titles[0] }).waitFor();
    await drawn();
    assert.deepEqual(await headings(), titles, 'the last feed, as it was');
    await page.locator('advocacy-feed [part="offline"]').getByText('You’re offline').waitFor();
    await page.getByRole('navigation', { name: 'Home sections' }).waitFor();
  } finally {
    await context.close();
  }
});

/** Polls `check` until it is true (no fixed sleeps: each poll waits for the next frame). */
async function assertEventually(check, message, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((done) => setImmediate(done));
  }
  assert.fail(message);
}
