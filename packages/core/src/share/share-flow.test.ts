import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AdvocacyBackend } from '../backend/backend.js';
import { AdvocacyError } from '../backend/errors.js';
import { memoryBackend } from '../memory/memory-backend.js';
import { createShareController } from './share-flow.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');

/** A backend whose first `lost` createShare answers are lost on the way back (the share was recorded). */
function losingAnswers(backend: AdvocacyBackend, lost: number) {
  const keys: string[] = [];
  return {
    keys,
    backend: {
      ...backend,
      async createShare(input) {
        keys.push(input.idempotencyKey);
        const share = await backend.createShare(input);
        if (keys.length <= lost) throw new AdvocacyError('network', 'connection reset');
        return share;
      },
    } satisfies AdvocacyBackend,
  };
}

describe('share flow', () => {
  it('retries a share whose answers were lost under one key: one share, one award', async () => {
    const memory = memoryBackend({ now: () => NOW });
    const { backend, keys } = losingAnswers(memory, 2);
    const shares = createShareController({ backend, retryBaseMs: 1 });
    const post = (await memory.listFeed()).items[0]!;
    const target = { location: { href: 'about:blank' }, closed: false, close() {} };
    const result = await shares.share({ post, network: 'linkedin', commentary: 'Worth a read', target });

    assert.equal(keys.length, 3);
    assert.equal(new Set(keys).size, 1);
    assert.equal((await memory.listMyShares()).items.filter((s) => s.postId === post.id && s.network === 'linkedin').length, 1);
    const awards = (await memory.listMyPoints({ limit: 100 })).items.filter((p) => p.reference === `emp-kenji:${post.id}:linkedin`);
    assert.equal(awards.length, 1);
    assert.equal(target.location.href, result.intentUrl);
    assert.equal(shares.store.get().status, 'shared');
  });

  it('closes the popup and keeps the request to retry when the share fails', async () => {
    const memory = memoryBackend({ now: () => NOW });
    const post = (await memory.listFeed()).items[0]!;
    memory.fail('forbidden');
    const shares = createShareController({ backend: memory, retryBaseMs: 1 });
    let closed = false;
    const target = { location: { href: 'about:blank' }, close: () => void (closed = true) };
    await assert.rejects(shares.share({ post, network: 'x', commentary: '', target }), { code: 'forbidden' });
    assert.ok(closed);
    assert.equal(target.location.href, 'about:blank');
    const state = shares.store.get();
    assert.equal(state.status, 'error');
    assert.ok(state.status === 'error' && state.request.idempotencyKey);
  });
});
