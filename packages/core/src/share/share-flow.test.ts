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

  it('keeps the key when the same share is tried again after a network failure, and makes a new one after success', async () => {
    const memory = memoryBackend({ now: () => NOW });
    const keys: string[] = [];
    let down = true;
    const backend: AdvocacyBackend = {
      ...memory,
      async createShare(input) {
        keys.push(input.idempotencyKey);
        // The share reaches the server, but the answer is lost while the network is down.
        const share = await memory.createShare(input);
        if (down) throw new AdvocacyError('network', 'connection reset');
        return share;
      },
    };
    const shares = createShareController({ backend, attempts: 1 });
    const [post, other] = (await memory.listFeed()).items;
    const request = { post: post!, network: 'x' as const, commentary: 'Worth a read' };

    await assert.rejects(shares.share(request), { code: 'network' });
    await assert.rejects(shares.share({ ...request }), { code: 'network' });
    down = false;
    const first = await shares.share({ ...request });
    assert.equal(keys.length, 3);
    assert.equal(new Set(keys).size, 1, 'every try of one share carries one key');
    assert.equal((await memory.listMyShares()).items.filter((s) => s.postId === post!.id).length, 1);
    assert.equal(first.share.pointsAwarded, 10);

    await shares.share({ ...request });
    assert.notEqual(keys[3], keys[0], 'sharing again after a success is a new share');
    await shares.share({ ...request, post: other! });
    await shares.share({ ...request, post: other!, commentary: 'Changed my mind' });
    assert.equal(new Set(keys).size, 4);
  });

  it('gives each changed request its own key, and keeps each until that share succeeds', async () => {
    const memory = memoryBackend({ now: () => NOW });
    const keys: string[] = [];
    const backend: AdvocacyBackend = {
      ...memory,
      async createShare(input) {
        keys.push(input.idempotencyKey);
        throw new AdvocacyError('network', 'offline');
      },
    };
    const shares = createShareController({ backend, attempts: 1 });
    const post = (await memory.listFeed()).items[0]!;
    await assert.rejects(shares.share({ post, network: 'x', commentary: 'One' }));
    await assert.rejects(shares.share({ post, network: 'linkedin', commentary: 'One' }));
    await assert.rejects(shares.share({ post, network: 'linkedin', commentary: 'Two' }));
    await assert.rejects(shares.share({ post, network: 'linkedin', commentary: 'Two' }));
    assert.equal(new Set(keys).size, 3);
    assert.equal(keys[2], keys[3]);
    // Back to the first share, which may have reached the server: still its own key.
    await assert.rejects(shares.share({ post, network: 'x', commentary: 'One' }));
    assert.equal(keys[4], keys[0]);
  });

  it('uses the key an integrator passes', async () => {
    const memory = memoryBackend({ now: () => NOW });
    const { backend, keys } = losingAnswers(memory, 0);
    const shares = createShareController({ backend });
    const post = (await memory.listFeed()).items[0]!;
    await shares.share({ post, network: 'copy', commentary: '', idempotencyKey: 'draft-42' });
    assert.deepEqual(keys, ['draft-42']);
  });
});
