import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryBackend } from '../memory/memory-backend.js';
import type { AdvocacyStore, AsyncState } from './types.js';
import { createAdvocacyClient } from './client.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');

function settled<T>(store: AdvocacyStore<AsyncState<T>>): Promise<AsyncState<T>> {
  return new Promise((resolve) => {
    const stop = store.subscribe((state) => {
      if (state.status === 'ready' || state.status === 'empty' || state.status === 'error') {
        queueMicrotask(() => stop());
        resolve(state);
      }
    });
  });
}

describe('client: badges and contests stores', () => {
  it('load lazily from the backend', async () => {
    const client = createAdvocacyClient({ backend: memoryBackend({ now: () => NOW }), storage: null });
    assert.equal(client.badges.store.get().status, 'idle');
    const badges = await settled(client.badges.store);
    assert.equal(badges.status, 'ready');
    assert.deepEqual(
      badges.data!.map((b) => b.id),
      ['first_share', 'ten_shares', 'first_conversion', 'streak'],
    );
    const contests = await settled(client.contests.store);
    assert.equal(contests.data![0]!.status, 'active');
  });

  it('are empty, not failing, over a backend without badges or contests', async () => {
    const { listMyBadges: _b, listContests: _c, ...plain } = memoryBackend({ now: () => NOW });
    const client = createAdvocacyClient({ backend: plain, storage: null });
    assert.equal((await settled(client.badges.store)).status, 'empty');
    assert.equal((await settled(client.contests.store)).status, 'empty');
  });
});
