import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AdvocacyClient, FeedState } from '@advocacy-kit/core';
import type { AdvocacyFeedElement } from './feed.component.js';
import { findAll, shadow, testClient } from '../../test/helpers.js';

// The feed draws a page of cards in slices, one task each, so that no single task holds a phone's
// main thread for the whole page: these tests catch it between two slices.

const cards = (feed: AdvocacyFeedElement) => findAll(feed, '[part="card"]');
const cardIds = (feed: AdvocacyFeedElement) => cards(feed).map((card) => card.getAttribute('aria-labelledby'));
const postIds = (state: FeedState) => state.items.map((post) => `title-${post.id}`);
const list = (feed: AdvocacyFeedElement) => shadow(feed).querySelector('[part="list"]')!;

/**
 * Resolves right after the feed has drawn the store's next state that `matches`: in the same task,
 * before a later slice can come, with the number of cards then on screen.
 */
function drawnAfter(feed: AdvocacyFeedElement, client: AdvocacyClient, matches: (state: FeedState) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const stop = client.feed.store.listen((state) => {
      if (!matches(state)) return;
      stop();
      // After the feed's own listener (it may come after this one) has asked for its update.
      queueMicrotask(() => void feed.updateComplete.then(() => resolve(cards(feed).length)));
    });
  });
}

/**
 * A feed on the demo company's posts in every language (more than one page of them), and the
 * number of cards it drew in the task its first page arrived in.
 */
async function manyPosts() {
  const { client, backend } = testClient();
  client.feed.setAllLanguages(true);
  const total = (await backend.listFeed({ limit: 100 })).items.length;
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  const feed = document.createElement('advocacy-feed');
  feed.client = client;
  const firstDraw = drawnAfter(feed, client, (state) => state.status === 'ready');
  wrapper.append(feed);
  return { client, feed, total, drawnAtOnce: await firstDraw };
}

describe('<advocacy-feed> draws its cards in slices', () => {
  it('draws the first cards at once, busy, and every other card of the page in later tasks, in order', async () => {
    const { client, feed, drawnAtOnce } = await manyPosts();
    const page = client.feed.store.get();
    expect(page.items.length).to.be.greaterThan(8, 'the demo company needs a long page');
    expect(drawnAtOnce, 'cards drawn in the task the posts arrived in').to.be.within(1, 8);
    expect(list(feed).getAttribute('aria-busy'), 'the list while cards are still to come').to.equal('true');
    // The end of the list is not watched before it is drawn, or the next page would load at once.
    expect(shadow(feed).querySelector('.sentinel')).to.equal(null);

    await waitUntil(() => cards(feed).length === page.items.length, 'the later slices never came');
    expect(cardIds(feed)).to.deep.equal(postIds(page));
    expect(list(feed).hasAttribute('aria-busy')).to.equal(false);
    expect(shadow(feed).querySelector('.sentinel'), 'the end of the list, watched once drawn').not.to.equal(null);
    expect(client.feed.store.get().items.length, 'no page loaded on its own').to.equal(page.items.length);
    await expect(feed).to.be.accessible();
  });

  it('loses no post when the next page arrives while slices are still to come', async () => {
    const { client, feed, total, drawnAtOnce } = await manyPosts();
    const firstPage = client.feed.store.get().items.length;
    expect(drawnAtOnce).to.be.lessThan(firstPage);
    expect(total).to.be.greaterThan(firstPage, 'the demo company needs more than one page');

    await client.feed.loadMore();
    await waitUntil(() => cards(feed).length === total, 'the cards of both pages never all came');
    expect(cardIds(feed)).to.deep.equal(postIds(client.feed.store.get()));
    expect(new Set(cardIds(feed)).size, 'each post once').to.equal(total);
  });

  it('loses no post when a refresh or another topic replaces the list while slices are still to come', async () => {
    const { client, feed, drawnAtOnce } = await manyPosts();
    expect(drawnAtOnce).to.be.lessThan(client.feed.store.get().items.length);

    // A refresh while slices are due: the same posts, read again.
    await client.feed.refresh();
    await waitUntil(() => cards(feed).length === client.feed.store.get().items.length, 'the refreshed list never fully came');
    expect(cardIds(feed)).to.deep.equal(postIds(client.feed.store.get()));

    // Another topic while the refreshed list's slices may still be due: its list starts over from one slice.
    const topic = client.feed.store.get().items[0]!.topics[0]!;
    const topicDrawn = drawnAfter(feed, client, (state) => state.topic === topic && state.status === 'ready' && state.items.length > 0);
    client.feed.setTopic(topic);
    const atOnce = await topicDrawn;
    const topicPage = client.feed.store.get();
    expect(topicPage.items.every((post) => post.topics.includes(topic))).to.equal(true);
    expect(atOnce, 'cards drawn in the task the topic’s posts arrived in').to.be.within(1, 8);
    await waitUntil(() => cards(feed).length === topicPage.items.length, 'the topic’s cards never all came');
    expect(cardIds(feed)).to.deep.equal(postIds(topicPage));
    await expect(feed).to.be.accessible();
  });
});
