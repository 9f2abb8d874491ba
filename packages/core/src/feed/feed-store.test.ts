import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createAdvocacyClient } from '../client/client.js';
import type { FeedState } from '../client/types.js';
import { memoryBackend } from '../memory/memory-backend.js';
import { counting, until } from '../../test/helpers.js';
import { createFeedController, SEARCH_DELAY_MS } from './feed-store.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const ready = (state: FeedState) => state.status === 'ready' || state.status === 'empty';

describe('feed store: language and search', () => {
  it("lists the employee's language first, and every language on request", async () => {
    const client = createAdvocacyClient({ backend: memoryBackend({ now: () => NOW }).as('emp-emily'), storage: null });
    const stop = client.feed.store.listen(() => {});
    const english = await until(client.feed.store, ready);
    assert.equal(english.language, 'en');
    assert.ok(english.items.length > 0 && english.items.every((post) => post.locale === 'en'));
    client.feed.setAllLanguages(true);
    const all = await until(client.feed.store, (state) => ready(state) && state.items.some((post) => post.locale === 'ja'));
    assert.equal(all.allLanguages, true);
    stop();
    await client.destroy();
  });

  it('uses the locale the host chose over the employee’s', async () => {
    const client = createAdvocacyClient({ backend: memoryBackend({ now: () => NOW }).as('emp-emily'), storage: null, locale: 'ja-JP' });
    const state = await until(client.feed.store, ready);
    assert.equal(state.language, 'ja');
    assert.ok(state.items.every((post) => post.locale === 'ja'));
    await client.destroy();
  });

  it('searches once typing pauses, drops the answers typing overtook, and combines with the topic', async (t) => {
    const { backend, calls } = counting(memoryBackend({ now: () => NOW }));
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const feed = createFeedController({ backend, language: async () => 'ja' });
    const stop = feed.store.listen(() => {});
    await until(feed.store, ready);
    assert.equal(calls.listFeed, 1);

    for (const text of ['障', '障害', '障害 ']) feed.setSearch(text);
    assert.equal(feed.store.get().status, 'loading', 'the loading state shows while the employee types');
    t.mock.timers.tick(SEARCH_DELAY_MS - 1);
    assert.equal(calls.listFeed, 1, 'nothing is asked before typing pauses');
    t.mock.timers.tick(1);
    const found = await until(feed.store, ready);
    assert.equal(calls.listFeed, 2, 'one request for the whole burst');
    assert.equal(found.search, '障害 ');
    assert.ok(
      found.items.length > 0 &&
        found.items.every((post) => `${post.title}${post.summary}${JSON.stringify(post.suggestedCommentary)}`.includes('障害')),
    );

    feed.setTopic('careers');
    const careers = await until(feed.store, ready);
    assert.ok(careers.items.every((post) => post.topics.includes('careers')));
    assert.ok(careers.items.length < found.items.length);

    feed.setSearch('まったく無関係な言葉');
    t.mock.timers.tick(SEARCH_DELAY_MS);
    const none = await until(feed.store, ready);
    assert.equal(none.status, 'empty');
    assert.deepEqual(none.items, []);

    feed.setSearch('');
    t.mock.timers.tick(SEARCH_DELAY_MS);
    const cleared = await until(feed.store, ready);
    assert.ok(cleared.items.length > 0);
    stop();
  });
});
