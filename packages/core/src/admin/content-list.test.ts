import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdminPost, AdminPostQuery, Page } from '../backend/contract.js';
import { memoryBackend } from '../memory/memory-backend.js';
import { createContentList } from './content-list.js';
import type { ContentListState } from './types.js';
import { until } from '../../test/helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');

/** An admin backend whose `listPosts` answers only when the test releases each call. */
async function gatedBackend() {
  const backend = memoryBackend({ employeeId: 'emp-haruka', now: () => NOW });
  const admin = backend.admin;
  for (let i = 0; i < 6; i++) {
    await admin.createPost({ kind: 'owned', title: `Owned ${i}`, summary: '', url: `https://example.com/owned/${i}`, locale: 'en' });
    await admin.createPost({ kind: 'promotional', title: `Promo ${i}`, summary: '', url: `https://example.com/promo/${i}`, locale: 'en' });
  }
  const real = admin.listPosts.bind(admin);
  const calls: Array<{ query: AdminPostQuery; release: () => Promise<void>; fail: (error: Error) => void }> = [];
  admin.listPosts = (query = {}) =>
    new Promise<Page<AdminPost>>((resolve, reject) => {
      calls.push({
        query,
        release: async () => {
          resolve(await real(query));
          // Let the store's continuation run before the test looks.
          await new Promise((r) => setImmediate(r));
        },
        fail: reject,
      });
    });
  return { backend, calls, real };
}

const kinds = (state: ContentListState) => new Set(state.items.map((post) => post.kind));

describe('createContentList', () => {
  it('loads the first page of the filters on its first subscriber, then appends pages', async () => {
    const { backend, calls } = await gatedBackend();
    const list = createContentList({ backend, pageSize: 3 });
    assert.equal(calls.length, 0);
    const stop = list.store.listen(() => undefined);
    assert.equal(list.store.get().status, 'loading');
    await calls[0]!.release();
    assert.equal(list.store.get().status, 'ready');
    assert.equal(list.store.get().items.length, 3);
    assert.equal(list.store.get().hasMore, true);
    const more = list.loadMore();
    assert.equal(list.store.get().loadingMore, true);
    await calls[1]!.release();
    await more;
    assert.equal(list.store.get().items.length, 6);
    assert.equal(new Set(list.store.get().items.map((post) => post.id)).size, 6);
    stop();
  });

  it('never appends a page of the old filter after a filter change (load more in flight)', async () => {
    const { backend, calls } = await gatedBackend();
    const list = createContentList({ backend, pageSize: 3 });
    const stop = list.store.listen(() => undefined);
    list.setFilters({ kind: 'owned' });
    await calls.at(-1)!.release();
    assert.deepEqual(kinds(list.store.get()), new Set(['owned']));

    const more = list.loadMore(); // page 2 of "owned", held
    const stale = calls.at(-1)!;
    assert.equal(stale.query.kind, 'owned');
    list.setFilters({ kind: 'promotional' });
    assert.equal(list.store.get().loadingMore, false, 'the old load more no longer shows as loading');
    const fresh = calls.at(-1)!;
    assert.equal(fresh.query.kind, 'promotional');
    assert.equal(fresh.query.cursor, undefined);

    // The new filter's first page arrives, then the old filter's second page.
    await fresh.release();
    await stale.release();
    await more;
    const state = list.store.get();
    assert.deepEqual(kinds(state), new Set(['promotional']));
    assert.equal(state.items.length, 3);
    assert.equal(state.filters.kind, 'promotional');

    // Load more now continues the new filter from its own cursor.
    const next = list.loadMore();
    assert.equal(calls.at(-1)!.query.kind, 'promotional');
    await calls.at(-1)!.release();
    await next;
    assert.deepEqual(kinds(list.store.get()), new Set(['promotional']));
    assert.equal(list.store.get().items.length, 6);
    stop();
  });

  it('drops the old filter’s page even when it arrives before the new first page', async () => {
    const { backend, calls } = await gatedBackend();
    const list = createContentList({ backend, pageSize: 3 });
    const stop = list.store.listen(() => undefined);
    await calls[0]!.release();
    void list.loadMore();
    const stale = calls.at(-1)!;
    list.setFilters({ q: 'promo' });
    const fresh = calls.at(-1)!;
    await stale.release();
    assert.equal(list.store.get().status, 'loading');
    assert.equal(list.store.get().items.length, 3, 'the stale page was not appended');
    await fresh.release();
    assert.ok(list.store.get().items.every((post) => post.title.startsWith('Promo')));
    stop();
  });

  it('never lets a slow first page overwrite a newer one', async () => {
    const { backend, calls } = await gatedBackend();
    const list = createContentList({ backend, pageSize: 3 });
    const stop = list.store.listen(() => undefined);
    list.setFilters({ kind: 'owned' });
    const slow = calls.at(-1)!;
    list.setFilters({ kind: 'promotional' });
    await calls.at(-1)!.release();
    await slow.release();
    assert.deepEqual(kinds(list.store.get()), new Set(['promotional']));
    assert.equal(list.store.get().status, 'ready');
    stop();
  });

  it('shows an empty list, an error with a retry, and a load-more error that keeps the rows', async () => {
    const backend = memoryBackend({ employeeId: 'emp-haruka', now: () => NOW });
    const list = createContentList({ backend, pageSize: 2 });
    list.setFilters({ q: 'zzz-no-such-post' });
    assert.equal(list.store.get().status, 'idle');
    const stop = list.store.listen(() => undefined);
    assert.equal((await until(list.store, (s) => s.status !== 'loading')).status, 'empty');
    list.setFilters({ q: '' });
    await until(list.store, (s) => s.status === 'ready');
    backend.fail('network');
    await list.loadMore();
    const failed = list.store.get();
    assert.equal(failed.loadMoreError?.code, 'network');
    assert.equal(failed.items.length, 2);
    await list.refresh();
    assert.equal(list.store.get().status, 'error');
    assert.equal(list.store.get().error?.code, 'network');
    backend.fail(null);
    await list.refresh();
    assert.equal(list.store.get().status, 'ready');
    stop();
  });

  it('archives a post and reloads; a failed archive says why', async () => {
    const backend = memoryBackend({ employeeId: 'emp-haruka', now: () => NOW });
    const list = createContentList({ backend });
    const stop = list.store.listen(() => undefined);
    const { items } = await until(list.store, (s) => s.status === 'ready');
    const target = items.find((post) => post.status !== 'archived')!;
    const archived = await list.archive(target.id);
    assert.equal(archived.status, 'archived');
    assert.equal(list.store.get().items.find((post) => post.id === target.id)?.status, 'archived');
    await assert.rejects(list.archive('no-such-post'), { code: 'not_found' });
    assert.equal(list.store.get().archiveError?.code, 'not_found');
    assert.equal(list.store.get().archiving, null);
    stop();
  });
});
