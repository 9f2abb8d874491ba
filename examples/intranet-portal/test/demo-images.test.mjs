// The demo's post pictures, in real Chromium against the real reference server: every card whose
// post has a picture shows it (the portal serves the seed's pictures itself), and the home page
// loads without a single console error.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openHarness, signIn, tokenOf } from './harness.mjs';

let harness;
before(async () => {
  harness = await openHarness();
});
after(async () => {
  await harness?.close();
});

test("the employee's home shows every post's picture, loaded, and logs no console error", async () => {
  const { context, stack } = harness;
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await signIn(page, stack.url, { name: 'Emily Clarke', language: 'en' });

  const cards = page.locator('advocacy-feed [part="card"]');
  await cards.first().waitFor();
  const response = await fetch(`${stack.url}/api/v1/feed?limit=100`, { headers: { authorization: `Bearer ${await tokenOf(page)}` } });
  assert.equal(response.status, 200);
  const pictureOf = new Map((await response.json()).items.map((post) => [post.title, post.imageUrl]));

  let pictures = 0;
  for (const card of await cards.all()) {
    // Pictures load lazily: bring each card on screen, then wait for its picture or its tile.
    await card.scrollIntoViewIfNeeded();
    const title = (await card.locator('[part="title"]').textContent()).trim();
    assert.ok(pictureOf.has(title), `the API lists "${title}"`);
    if (pictureOf.get(title) === null) continue;
    pictures++;
    const image = card.locator('img[part="image"]');
    await image.waitFor({ timeout: 5_000 }).catch(() => assert.fail(`the picture of "${title}" did not load (the card shows its tile)`));
    await image.evaluate((img) => (img.complete ? undefined : new Promise((done) => img.addEventListener('load', done, { once: true }))));
    assert.ok(await image.evaluate((img) => img.naturalWidth > 0), `the picture of "${title}" loaded`);
    assert.ok(pictureOf.get(title).startsWith(`${stack.url}/demo-images/`), `the portal serves ${pictureOf.get(title)}`);
  }
  assert.ok(pictures >= 3, `the feed shows posts with pictures (saw ${pictures})`);
  assert.deepEqual(errors, []);
  await page.close();
});
