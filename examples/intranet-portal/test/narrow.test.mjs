// Every page of the portal on a 390 px phone and at 200% zoom (a 1280 px window zoomed in: 640
// CSS pixels), in English and Japanese: nothing runs off the side of the screen (the page never
// scrolls sideways; wide tables scroll inside their own card) and axe finds no WCAG 2.2 A/AA
// violation on the page as the person sees it.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { openHarness, signIn, signOut } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ADMIN = '佐藤 遥';
const EMPLOYEE = '高橋 健二';

const SCREENS = [
  { name: 'a 390 px phone', options: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }, language: 'ja' },
  { name: '200% zoom', options: { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }, language: 'en' },
];

let harness;
before(async () => {
  harness = await openHarness();
});
after(async () => {
  await harness?.close();
});

/** How far the page reaches past the right edge of the screen, in CSS pixels (0: it fits). */
const overflow = (page) => page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));

/** What the page shows once everything on it has loaded: a key press defines the components further down. */
async function settle(page) {
  await page.keyboard.press('Shift');
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** axe's WCAG 2.2 A and AA violations on the page, as "rule: target" lines. */
async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
}

async function check(page, where) {
  await settle(page);
  assert.equal(await overflow(page), 0, `${where}: the page is wider than the screen`);
  assert.deepEqual(await violations(page), [], `${where}: axe violations`);
}

for (const screen of SCREENS) {
  test(`on ${screen.name} (${screen.language}) the sign-in page, the employee's home and the admin page fit the screen and pass axe`, async () => {
    const context = await harness.browser.newContext({ locale: screen.language === 'ja' ? 'ja-JP' : 'en-US', ...screen.options });
    try {
      await context.route(/^https:\/\//, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>external</title>' }),
      );
      const page = await context.newPage();
      await page.goto(`${harness.stack.url}/signin.html`);
      await check(page, 'sign-in page');

      await signIn(page, harness.stack.url, { name: EMPLOYEE, language: screen.language });
      await page.locator('advocacy-feed').getByRole('heading').first().waitFor();
      await check(page, "employee's home");
      await signOut(page);

      await signIn(page, harness.stack.url, { name: ADMIN, language: screen.language });
      await page.goto(`${harness.stack.url}/admin.html`);
      await page.locator('advocacy-content-list tbody tr').first().waitFor();
      await check(page, 'admin page');
    } finally {
      await context.close();
    }
  });
}
