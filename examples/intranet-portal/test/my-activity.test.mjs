// Self-service (issue #16), in real Chromium against the real reference server: an employee opens
// "My activity", reads their shares with what each earned and their points ledger in words, moves
// between the tabs with the keyboard, and finds "Shared" on the cards of posts they shared.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openHarness, signIn } from './harness.mjs';

let harness;
before(async () => {
  harness = await openHarness();
});
after(async () => {
  await harness?.close();
});

test('an employee reads their own activity: shares with clicks, the ledger in words, and the Shared marker on the feed', async () => {
  const { context, stack } = harness;
  const page = await context.newPage();
  await signIn(page, stack.url, { name: '高橋 健二', language: 'en' });
  const activity = page.locator('advocacy-my-activity');
  // It is below the feed, and loads as it comes near the screen.
  await activity.scrollIntoViewIfNeeded();
  await activity.getByRole('heading', { name: 'My activity' }).waitFor();
  const shares = activity.getByRole('tab', { name: 'Shares' });
  assert.equal(await shares.getAttribute('aria-selected'), 'true');
  const firstShare = activity.locator('[part~="item"]').first();
  await firstShare.waitFor();
  assert.match(await firstShare.innerText(), /click/);

  await shares.focus();
  await page.keyboard.press('ArrowRight');
  const points = activity.getByRole('tab', { name: 'Points' });
  assert.equal(await points.getAttribute('aria-selected'), 'true');
  await activity.locator('[part~="balance"]').waitFor();
  assert.match(await activity.locator('[part~="item"]').first().innerText(), /Shared “|Clicks on “|conversion|Adjustment|Reward/);

  // The feed marks the posts this employee already shared.
  await page.locator('advocacy-feed [part="shared"]').first().waitFor();
  assert.match(await page.locator('advocacy-feed [part="shared"]').first().textContent(), /Shared/);
  await page.close();
});
