import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoSeed } from '../memory/demo-seed.js';
import { memoryBackend } from '../memory/memory-backend.js';
import { createRewardsAdmin } from '../admin/rewards-admin.js';
import { createRewards, rewardText } from './rewards-store.js';
import { until } from '../../test/helpers.js';
import { AdvocacyError } from '../backend/errors.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');

async function program() {
  // The demo company without its catalogue: each test lists only the rewards it made.
  const backend = memoryBackend({ seed: { ...demoSeed(NOW), rewards: [] }, employeeId: 'emp-kenji', now: () => NOW });
  const admin = backend.as('emp-haruka').admin;
  await admin.adjustPoints!({ employeeId: 'emp-kenji', delta: 100, reason: 'Talk at the summit' });
  const mug = await admin.createReward!({ name: { en: 'Mug', ja: 'マグ' }, cost: 60, stock: 1 });
  return { backend, admin, mug };
}

describe('createRewards', () => {
  it('loads the catalogue, the balance and my requests together', async () => {
    const { backend, mug } = await program();
    const rewards = createRewards({ backend });
    const state = await until(rewards.store, (s) => s.status === 'ready');
    assert.deepEqual(
      state.rewards.map((r) => r.id),
      [mug.id],
    );
    assert.equal(state.balance!.balance, state.balance!.earned);
    assert.deepEqual(state.requests, []);
  });

  it('requests: busy while in flight, the request listed first, the balance reloaded with the hold', async () => {
    const { backend, mug } = await program();
    const rewards = createRewards({ backend });
    const before = (await until(rewards.store, (s) => s.status === 'ready')).balance!;
    const pending = rewards.request(mug.id);
    assert.equal(rewards.store.get().busy[mug.id], 'request');
    const request = await pending;
    assert.equal(request.status, 'pending');
    assert.equal(rewards.store.get().requests[0]!.id, request.id);
    const after = await until(rewards.store, (s) => s.status === 'ready' && s.balance!.held === 60);
    assert.equal(after.balance!.balance, before.balance - 60);
    assert.equal(after.rewards[0]!.stock, 0);
  });

  it('keeps a refusal beside its reward (insufficient points) and clears it on the next try', async () => {
    const { backend, admin } = await program();
    const { balance } = await backend.getMyPointsBalance!();
    const dear = await admin.createReward!({ name: { en: 'Laptop' }, cost: balance + 1 });
    const rewards = createRewards({ backend });
    await until(rewards.store, (s) => s.status === 'ready');
    await assert.rejects(rewards.request(dear.id), (error: { code: string }) => error.code === 'validation');
    const failure = rewards.store.get().errors[dear.id]!;
    assert.equal(failure.fieldErrors[0]!.code, 'insufficient_points');
    await admin.adjustPoints!({ employeeId: 'emp-kenji', delta: 1, reason: 'Top-up' });
    await rewards.request(dear.id);
    assert.equal(rewards.store.get().errors[dear.id], undefined);
  });

  it('cancels a pending request, and reports a backend without rewards as an error', async () => {
    const { backend, mug } = await program();
    const rewards = createRewards({ backend });
    await until(rewards.store, (s) => s.status === 'ready');
    const request = await rewards.request(mug.id);
    const cancelled = await rewards.cancel(request.id);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(rewards.store.get().requests[0]!.status, 'cancelled');

    const bare = { ...memoryBackend(), listRewards: undefined };
    const none = createRewards({ backend: bare });
    const state = await until(none.store, (s) => s.status === 'error');
    assert.equal(state.error!.code, 'not_found');
  });

  it('picks the reward text in the language, then English, then any', () => {
    assert.equal(rewardText({ en: 'Mug', ja: 'マグ' }, 'ja-JP'), 'マグ');
    assert.equal(rewardText({ en: 'Mug' }, 'fr'), 'Mug');
    assert.equal(rewardText({ de: 'Tasse' }, 'fr'), 'Tasse');
  });
});

describe('createRewardsAdmin', () => {
  it('lists rewards, pending and approved requests and teams; approves, rejects and fulfils', async () => {
    const { backend, mug } = await program();
    const request = await backend.requestReward!(mug.id);
    const rewardsAdmin = createRewardsAdmin({ backend: backend.as('emp-haruka') });
    const state = await until(rewardsAdmin.store, (s) => s.status === 'ready');
    assert.equal(state.requests[0]!.id, request.id);
    assert.ok(state.teams.length > 0);
    await rewardsAdmin.decide(request.id, { decision: 'approve' });
    const approved = await until(rewardsAdmin.store, (s) => s.status === 'ready' && s.requests[0]?.status === 'approved');
    assert.equal(approved.requests.length, 1);
    await rewardsAdmin.decide(request.id, { decision: 'fulfil' });
    await until(rewardsAdmin.store, (s) => s.status === 'ready' && s.requests.length === 0);
    await assert.rejects(rewardsAdmin.decide(request.id, { decision: 'fulfil' }), (error: { code: string }) => error.code === 'conflict');
    assert.equal(rewardsAdmin.store.get().errors[request.id]!.code, 'conflict');
  });

  it('saves, deactivates and adjusts, each recorded', async () => {
    const { backend } = await program();
    const rewardsAdmin = createRewardsAdmin({ backend: backend.as('emp-haruka') });
    await until(rewardsAdmin.store, (s) => s.status === 'ready');
    const made = await rewardsAdmin.saveReward(null, { name: { en: 'Sticker' }, cost: 5 });
    const edited = await rewardsAdmin.saveReward(made.id, { name: { en: 'Stickers' }, cost: 6 });
    assert.deepEqual([edited.name, edited.cost], [{ en: 'Stickers' }, 6]);
    assert.equal((await rewardsAdmin.setActive(made.id, false)).active, false);
    const entry = await rewardsAdmin.adjust({ employeeId: 'emp-yui', delta: 15, reason: 'Meetup talk' });
    assert.deepEqual([entry.reason, entry.note], ['manual', 'Meetup talk']);
  });

  it('a retry after a network failure sends the same Idempotency-Key, so the points are held once', async () => {
    const { backend, mug } = await program();
    const keys: string[] = [];
    let failNext = true;
    const flaky = Object.assign(Object.create(backend), {
      async requestReward(rewardId: string, key?: string) {
        keys.push(key!);
        const request = await backend.requestReward!(rewardId, key);
        if (failNext) {
          failNext = false;
          // The request was made, but its answer was lost on the way back.
          throw new AdvocacyError('network', 'The connection dropped');
        }
        return request;
      },
    });
    const rewards = createRewards({ backend: flaky });
    await assert.rejects(rewards.request(mug.id), { code: 'network' });
    const request = await rewards.request(mug.id);
    assert.equal(keys.length, 2);
    assert.equal(keys[1], keys[0], 'the retry carries the first key');
    assert.equal((await backend.getMyPointsBalance!()).held, 60, 'the cost is held once');
    assert.equal((await backend.listMyRewardRequests!()).items.filter((r) => r.id === request.id).length, 1);
    await rewards.request(mug.id).catch(() => undefined);
    assert.notEqual(keys[2], keys[0], 'after an answer, the next request has a new key');
  });
});
