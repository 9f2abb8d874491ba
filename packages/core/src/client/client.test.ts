import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryBackend } from '../memory/memory-backend.js';
import type { FeedState } from './types.js';
import { createAdvocacyClient } from './client.js';
import { counting, memoryStorage, until } from '../../test/helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');

describe('createAdvocacyClient', () => {
  it('fetches nothing on creation and loads a store when it gets its first subscriber', async (t) => {
    const { backend, calls } = counting(memoryBackend({ now: () => NOW }));
    t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    const client = createAdvocacyClient({ backend, storage: null });
    // Every language: the demo company's page counts below are over all its posts.
    client.feed.setAllLanguages(true);
    // A minute of the client's own timers (the event queue's interval among them) fetches nothing either.
    t.mock.timers.tick(60_000);
    await Promise.resolve();
    assert.deepEqual(calls, {});
    t.mock.timers.reset();
    assert.equal(client.feed.store.get().status, 'idle');

    const ready = await until(client.feed.store, (s: FeedState) => s.status === 'ready');
    assert.equal(calls.listFeed, 1);
    assert.equal(ready.items.length, 20);
    assert.ok(ready.hasMore);
    assert.equal(calls.getLeaderboard, undefined);
    await client.destroy();
  });

  it('loads more, filters by topic and refetches the leaderboard when the period changes', async () => {
    const client = createAdvocacyClient({ backend: memoryBackend({ now: () => NOW }), storage: null });
    // Every language: the demo company's page counts below are over all its posts.
    client.feed.setAllLanguages(true);
    const stop = client.feed.store.listen(() => {});
    await until(client.feed.store, (s) => s.status === 'ready');
    await client.feed.loadMore();
    const all = client.feed.store.get();
    assert.ok(all.items.length > 20);
    assert.equal(new Set(all.items.map((p) => p.id)).size, all.items.length);

    client.feed.setTopic('careers');
    const careers = await until(client.feed.store, (s) => s.status === 'ready');
    assert.ok(careers.items.length > 0 && careers.items.every((p) => p.topics.includes('careers')));
    stop();

    const stopBoard = client.leaderboard.store.listen(() => {});
    const month = await until(client.leaderboard.store, (s) => s.status === 'ready');
    client.leaderboard.setPeriod('week');
    const week = await until(client.leaderboard.store, (s) => s.status === 'ready' && s.data?.period === 'week');
    assert.equal(month.data?.period, 'month');
    assert.notDeepEqual(week.data?.entries, month.data?.entries);
    stopBoard();
    await client.destroy();
  });

  it('shows the error state and recovers on refresh', async () => {
    const backend = memoryBackend({ now: () => NOW });
    backend.fail('server');
    const client = createAdvocacyClient({ backend, storage: null });
    const failed = await until(client.feed.store, (s) => s.status === 'error');
    assert.equal(failed.error?.code, 'server');
    backend.fail(null);
    await client.feed.refresh();
    assert.equal(client.feed.store.get().status, 'ready');
    await client.destroy();
  });

  it('keeps the items shown when loading more fails, and reports that error on its own', async () => {
    const backend = memoryBackend({ now: () => NOW });
    const client = createAdvocacyClient({ backend, storage: null });
    // Every language: the demo company's page counts below are over all its posts.
    client.feed.setAllLanguages(true);
    await client.feed.refresh();
    backend.fail('timeout');
    await client.feed.loadMore();
    const state = client.feed.store.get();
    assert.equal(state.status, 'ready');
    assert.equal(state.items.length, 20);
    assert.equal(state.error, null);
    assert.equal(state.loadMoreError?.code, 'timeout');
    backend.fail(null);
    await client.feed.loadMore();
    assert.equal(client.feed.store.get().loadMoreError, null);
    assert.ok(client.feed.store.get().items.length > 20);
    await client.destroy();
  });

  it('keeps two clients independent', async () => {
    const storage = memoryStorage();
    const shared = memoryBackend({ now: () => NOW });
    const a = createAdvocacyClient({ backend: shared, storage, storageKey: 'a' });
    const b = createAdvocacyClient({ backend: shared.as('emp-haruka'), storage, storageKey: 'b' });
    const stopA = a.me.store.listen(() => {});
    const [meA, meB] = await Promise.all([until(a.me.store, (s) => s.status === 'ready'), until(b.me.store, (s) => s.status === 'ready')]);
    assert.equal(meA.data?.id, 'emp-kenji');
    assert.equal(meB.data?.id, 'emp-haruka');
    a.feed.setTopic('careers');
    assert.equal(b.feed.store.get().topic, null);
    a.events.track('feed_view');
    assert.equal(a.events.store.get().pending, 1);
    assert.equal(b.events.store.get().pending, 0);
    await a.events.flush();
    assert.equal(a.events.store.get().delivered, 1);
    assert.equal(b.events.store.get().delivered, 0);
    stopA();
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('takes the employee’s locale unless one was chosen', async () => {
    const client = createAdvocacyClient({ backend: memoryBackend({ now: () => NOW }), storage: null });
    assert.equal(client.locale.get(), 'en');
    await client.me.refresh();
    assert.equal(client.locale.get(), 'ja');
    client.setLocale('en');
    await client.me.refresh();
    assert.equal(client.locale.get(), 'en');
    await client.destroy();
  });

  it('counts posts published since the previous visit', async () => {
    const storage = memoryStorage();
    storage.setItem('kit:feed-seen', JSON.stringify(new Date(NOW.getTime() - 3.5 * 86_400_000).toISOString()));
    const client = createAdvocacyClient({ backend: memoryBackend({ now: () => NOW }), storage, storageKey: 'kit' });
    // Every language: the demo company's page counts below are over all its posts.
    client.feed.setAllLanguages(true);
    await client.feed.refresh();
    assert.equal(client.feed.store.get().newSinceLastVisit, 3);
    client.feed.markSeen();
    assert.equal(client.feed.store.get().newSinceLastVisit, 0);
    await client.destroy();
  });

  it('shares once through the flow and records a share_intent event', async () => {
    const backend = memoryBackend({ now: () => NOW });
    const client = createAdvocacyClient({ backend, storage: null });
    // Every language: the demo company's page counts below are over all its posts.
    client.feed.setAllLanguages(true);
    const post = (await backend.listFeed()).items[0]!;
    const result = await client.shares.share({ post, network: 'x', commentary: '新しい記事です' });
    // The words carry the disclosure and the post's hashtags the backend added.
    assert.match(result.share.commentary, /^新しい記事です #社員/);
    assert.equal(
      result.intentUrl,
      `https://x.com/intent/post?text=${encodeURIComponent(`${result.share.commentary} ${result.share.trackingUrl}`)}`,
    );
    assert.equal(client.shares.store.get().status, 'shared');
    assert.equal(client.events.store.get().pending, 1);
    await client.events.flush();
    assert.deepEqual(client.events.store.get(), { pending: 0, delivered: 1, lastError: null });
    await client.destroy();
  });

  it('lists my suggestions with their status and adds one as soon as it is sent', async () => {
    const backend = memoryBackend({ now: () => NOW });
    const client = createAdvocacyClient({ backend, storage: null });
    const stop = client.mySuggestions.store.listen(() => undefined);
    const before = await until(client.mySuggestions.store, (state) => state.status === 'ready' || state.status === 'empty');
    const sent = await client.suggest({ url: 'https://example.com/worth-a-read', note: 'For the sales team', topics: [] });
    const after = await until(client.mySuggestions.store, (state) => state.data?.some((item) => item.id === sent.id) === true);
    assert.equal(after.data!.length, (before.data?.length ?? 0) + 1);
    assert.equal(after.data![0]!.status, 'pending');
    stop();
    await client.destroy();
  });
});
