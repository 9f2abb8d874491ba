// The language after sign-in (issue #20), in real Chromium against the real reference server: an
// employee who signed in in English switches to 日本語 from the header; the portal and the
// advocacy components speak Japanese at once (no reload), a reload keeps it, and the employee's
// profile says ja.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openHarness, signIn, tokenOf } from './harness.mjs';

const EMPLOYEE = 'Tom Hayes';

let harness;
before(async () => {
  harness = await openHarness();
});
after(async () => {
  await harness?.close();
});

/** The texts the test reads: the feed's first Share button, the leaderboard's heading, the page's own heading. */
async function texts(page) {
  const leaderboard = page.locator('advocacy-leaderboard');
  await leaderboard.scrollIntoViewIfNeeded();
  await leaderboard.getByRole('heading').first().waitFor();
  return {
    lang: await page.evaluate(() => document.documentElement.lang),
    heading: (await page.getByRole('heading', { level: 1 }).textContent()).trim(),
    share: (await page.locator('advocacy-feed [part="share-button"]').first().textContent()).trim(),
    leaderboard: (await leaderboard.getByRole('heading').first().textContent()).trim(),
    signOut: (await page.locator('#sign-out').textContent()).trim(),
  };
}

test('an employee switches from English to 日本語 after sign-in: everything follows without a reload, a reload keeps it, and the profile says ja', async () => {
  const { context, stack } = harness;
  const page = await context.newPage();
  try {
    await signIn(page, stack.url, { name: EMPLOYEE, language: 'en' });
    await page.locator('advocacy-feed [part="share-button"]').first().waitFor();
    assert.deepEqual(await texts(page), {
      lang: 'en',
      heading: 'Welcome',
      share: 'Share',
      leaderboard: 'Leaderboard',
      signOut: 'Sign out',
    });

    // A real <select>, reached by keyboard from the header, each language named in itself.
    const language = page.getByRole('banner').getByRole('combobox', { name: 'Language' });
    assert.deepEqual(
      await language.locator('option').evaluateAll((options) => options.map((option) => `${option.lang}:${option.textContent}`)),
      ['en:English', 'ja:日本語'],
    );
    await page.locator('#sign-out').focus();
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'portal-language');
    let loads = 0;
    page.on('load', () => loads++);
    const saved = page.waitForResponse((response) => response.url().endsWith('/me/preferences') && response.request().method() === 'PUT');
    await language.selectOption('ja');

    // At once, in the same page: the portal's words and the components'.
    const leaderboard = page.locator('advocacy-leaderboard');
    await leaderboard.getByRole('heading', { name: 'ランキング' }).waitFor();
    await page.locator('advocacy-feed [part="share-button"]').first().getByText('シェアする').waitFor();
    assert.deepEqual(await texts(page), {
      lang: 'ja',
      heading: 'ようこそ',
      share: 'シェアする',
      leaderboard: 'ランキング',
      signOut: 'ログアウト',
    });
    assert.equal(loads, 0, 'the page reloaded to switch');
    assert.equal((await saved).status(), 200);

    // The employee's profile keeps the choice.
    const response = await fetch(`${stack.url}/api/v1/me/preferences`, { headers: { authorization: `Bearer ${await tokenOf(page)}` } });
    assert.equal(response.status, 200);
    assert.equal((await response.json()).locale, 'ja');

    // A reload keeps Japanese, and the switch shows it.
    await page.reload();
    await page.locator('advocacy-feed [part="share-button"]').first().waitFor();
    assert.deepEqual(await texts(page), {
      lang: 'ja',
      heading: 'ようこそ',
      share: 'シェアする',
      leaderboard: 'ランキング',
      signOut: 'ログアウト',
    });
    assert.equal(await page.getByRole('banner').getByRole('combobox', { name: '表示言語' }).inputValue(), 'ja');
  } finally {
    await page.close();
  }
});

test('the admin switches the admin page to 日本語 in place, and back to English', async () => {
  const { context, stack } = harness;
  const page = await context.newPage();
  try {
    await signIn(page, stack.url, { name: '佐藤 遥', language: 'en' });
    await page.goto(`${stack.url}/admin.html`);
    const list = page.locator('advocacy-content-list');
    await list.getByRole('heading', { name: 'Content', exact: true }).waitFor();
    await page.getByRole('banner').getByRole('combobox', { name: 'Language' }).selectOption('ja');
    await page.getByRole('heading', { level: 1, name: 'アドボカシー管理' }).waitFor();
    await list.getByRole('heading', { name: 'コンテンツ', exact: true }).waitFor();
    await page.getByRole('banner').getByRole('combobox', { name: '表示言語' }).selectOption('en');
    await list.getByRole('heading', { name: 'Content', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Advocacy admin' }).waitFor();
  } finally {
    await page.close();
  }
});
