// The home page's start, one step per task (src/home.ts): the feed's posts and topics are asked
// for before the feed is defined, so the feed's first render does not also start its requests;
// and the page's own Japanese headings keep their phrases whole (src/styles.css), which also has
// the browser build its phrase segmenter in the first layout, not with the feed's first cards.
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

/** Notes when the page defines the feed, before its class upgrades the element. */
function recordFeedDefinition() {
  const define = customElements.define.bind(customElements);
  customElements.define = (name, constructor, options) => {
    if (name === 'advocacy-feed') window.feedDefinedAt = performance.now();
    define(name, constructor, options);
  };
}

test('the home page asks for the feed’s posts and topics before it defines the feed', async () => {
  const { context, stack } = harness;
  const page = await context.newPage();
  try {
    await signIn(page, stack.url, { name: '高橋 健二', language: 'ja' });
    await page.addInitScript(recordFeedDefinition);
    await page.reload();
    await page.getByRole('list', { name: 'シェアできる投稿' }).getByRole('heading').first().waitFor();
    const { definedAt, requests } = await page.evaluate(() => ({
      definedAt: window.feedDefinedAt,
      requests: performance
        .getEntriesByType('resource')
        .filter((entry) => /\/api\/v1\/(feed|topics)\b/.test(new URL(entry.name).pathname))
        .map((entry) => ({ path: new URL(entry.name).pathname, startTime: entry.startTime })),
    }));
    assert.equal(typeof definedAt, 'number', 'the page defined the feed');
    assert.deepEqual(requests.map((request) => request.path).sort(), ['/api/v1/feed', '/api/v1/topics']);
    for (const request of requests) assert.ok(request.startTime < definedAt, `${request.path} was asked for after the feed was defined`);
  } finally {
    await page.close();
  }
});

test('the home page’s Japanese headings keep their phrases whole, its English ones break as usual', async () => {
  const { context, stack } = harness;
  const page = await context.newPage();
  try {
    await signIn(page, stack.url, { name: '高橋 健二', language: 'ja' });
    const wordBreaks = () =>
      page.evaluate(() =>
        ['h1', '#news-heading', '.news h3'].map((selector) => getComputedStyle(document.querySelector(selector)).wordBreak),
      );
    assert.deepEqual(await wordBreaks(), ['auto-phrase', 'auto-phrase', 'auto-phrase']);

    await page.locator('#portal-language').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await wordBreaks(), ['normal', 'normal', 'normal']);
  } finally {
    await page.close();
  }
});
