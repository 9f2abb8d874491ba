// The home page's start, one step per task (src/home.ts): the provider's client is built after
// the provider's upgrade and first render; the feed's posts and topics are asked for before the
// feed is defined, so the feed's first render does not also start its requests; the invitation and
// the contest banner come one task each. And the page's own Japanese headings keep their phrases
// whole (src/styles.css), which also has the browser build its phrase segmenter in the first
// layout, not with the feed's first cards.
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

/**
 * Notes when the page defines the feed, before its class upgrades the element; whether the
 * provider has its client at the end of the task that defined it (its upgrade) and at the feed's;
 * and whether the contest banner is defined by the end of the invitation's task.
 */
function recordDefinitions() {
  const define = customElements.define.bind(customElements);
  const hasClient = () => document.querySelector('advocacy-provider').activeClient !== undefined;
  customElements.define = (name, constructor, options) => {
    if (name === 'advocacy-invitation')
      setTimeout(() => (window.bannerWithInvitation = customElements.get('advocacy-contest-banner') !== undefined));
    if (name === 'advocacy-feed') {
      window.feedDefinedAt = performance.now();
      window.clientAtFeed = hasClient();
    }
    define(name, constructor, options);
    // The end of the task of its upgrade, microtasks (its first update) included: this timer is
    // set before the page's own next step, so it runs first.
    if (name === 'advocacy-provider') setTimeout(() => (window.clientAtProvider = hasClient()));
  };
}

test('the home page builds the provider’s client after the provider’s upgrade, asks for the feed’s posts and topics before it defines the feed, and defines the invitation and the contest banner one task each', async () => {
  const { context, stack } = harness;
  const page = await context.newPage();
  try {
    await signIn(page, stack.url, { name: '高橋 健二', language: 'ja' });
    await page.addInitScript(recordDefinitions);
    await page.reload();
    await page.getByRole('list', { name: 'シェアできる投稿' }).getByRole('heading').first().waitFor();
    const { clientAtProvider, clientAtFeed, bannerWithInvitation, definedAt, requests } = await page.evaluate(() => ({
      clientAtProvider: window.clientAtProvider,
      bannerWithInvitation: window.bannerWithInvitation,
      clientAtFeed: window.clientAtFeed,
      definedAt: window.feedDefinedAt,
      requests: performance
        .getEntriesByType('resource')
        .filter((entry) => /\/api\/v1\/(feed|topics)\b/.test(new URL(entry.name).pathname))
        .map((entry) => ({ path: new URL(entry.name).pathname, startTime: entry.startTime })),
    }));
    assert.equal(clientAtProvider, false, 'the provider built its client in the task of its upgrade');
    assert.equal(clientAtFeed, true, 'the provider had no client when the feed was defined');
    assert.equal(bannerWithInvitation, false, 'the invitation and the contest banner were defined in one task');
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
