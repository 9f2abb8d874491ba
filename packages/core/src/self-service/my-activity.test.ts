import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AdvocacyError } from '../backend/errors.js';
import { demoSeed } from '../memory/demo-seed.js';
import { memoryBackend } from '../memory/memory-backend.js';
import { createMyActivity } from './my-activity.js';
import { until } from '../../test/helpers.js';

const NOW = new Date('2026-03-18T12:00:00.000Z');

describe('self-service stores', () => {
  it('load my shares page by page when subscribed, newest first, without repeats', async () => {
    const backend = memoryBackend({ seed: demoSeed(NOW), now: () => NOW });
    const activity = createMyActivity({ backend, limit: 2 });
    assert.equal(activity.shares.store.get().status, 'idle');
    const first = await until(activity.shares.store, (state) => state.status === 'ready');
    assert.equal(first.status, 'ready');
    assert.equal(first.items.length, 2);
    assert.ok(first.hasMore);
    await activity.shares.loadMore();
    const second = await until(activity.shares.store, (state) => state.items.length === 4);
    assert.equal(second.items.length, 4);
    assert.equal(new Set(second.items.map((item) => item.id)).size, 4);
    assert.ok(second.items.every((item) => typeof item.postTitle === 'string' && typeof item.clicks === 'number'));
  });

  it('shows an error with retry, and an empty list as empty', async () => {
    const backend = memoryBackend({ seed: false });
    backend.fail('network');
    const activity = createMyActivity({ backend });
    const stop = activity.suggestions.store.subscribe(() => {});
    await until(activity.suggestions.store, (state) => state.status === 'error');
    backend.fail(null);
    await activity.suggestions.refresh();
    assert.equal(activity.suggestions.store.get().status, 'empty');
    stop();
  });

  it('saves preferences and keeps a refused one as a field error', async () => {
    const backend = memoryBackend({ seed: demoSeed(NOW), now: () => NOW });
    const activity = createMyActivity({ backend });
    const stop = activity.preferences.store.subscribe(() => {});
    assert.equal((await until(activity.preferences.store, (state) => state.status === 'ready')).data?.digest, true);
    await activity.preferences.update({ digest: false, timeZone: 'Europe/Berlin' });
    assert.equal(activity.preferences.store.get().data?.timeZone, 'Europe/Berlin');
    await assert.rejects(activity.preferences.update({ timeZone: 'Nowhere/Land' }), (error: AdvocacyError) => error.code === 'validation');
    const state = activity.preferences.store.get();
    assert.ok(state.saveError?.fieldErrors.some((f) => f.field === 'timeZone'));
    assert.equal(state.data?.timeZone, 'Europe/Berlin');
    stop();
  });
});
