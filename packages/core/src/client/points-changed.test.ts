import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import type { AdvocacyBackend } from '../backend/backend.js';
import type { MyStats } from '../backend/contract.js';
import { memoryBackend } from '../memory/memory-backend.js';
import type { AdvocacyStore, AsyncState } from './types.js';
import { createAdvocacyClient } from './client.js';
import { counting, until } from '../../test/helpers.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const POINT_READS = ['getMyStats', 'getLeaderboard', 'listMyBadges', 'listContests'] as const;

/** `countingReads()`, plus the calls of the four reads that show points, in order. */
function countingReads(backend: AdvocacyBackend) {
  const counted = counting(backend);
  return { ...counted, reads: () => POINT_READS.map((name) => counted.calls[name] ?? 0) };
}

const settled = <T>(state: AsyncState<T>) => state.status !== 'idle' && state.status !== 'loading';

/**
 * A BroadcastChannel stand-in that delivers at once to the other channels of the same name,
 * as a browser does between tabs (a channel never hears its own messages).
 */
class FakeChannel {
  static open: FakeChannel[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  closed = false;
  constructor(readonly name: string) {
    FakeChannel.open.push(this);
  }
  postMessage(data: unknown): void {
    for (const other of FakeChannel.open) if (other !== this && other.name === this.name) other.onmessage?.({ data });
  }
  close(): void {
    this.closed = true;
    FakeChannel.open = FakeChannel.open.filter((channel) => channel !== this);
  }
}

/** Subscribes to my stats, the leaderboard, badges and contests, and waits until all have loaded. */
async function watchPoints(client: ReturnType<typeof createAdvocacyClient>) {
  const stores = [client.myStats.store, client.leaderboard.store, client.badges.store, client.contests.store] as AdvocacyStore<
    AsyncState<unknown>
  >[];
  const stops = stores.map((store) => store.listen(() => {}));
  await Promise.all(stores.map((store) => until(store, settled)));
  return () => stops.forEach((stop) => stop());
}

describe('client.pointsChanged', () => {
  const original = globalThis.BroadcastChannel;
  beforeEach(() => {
    FakeChannel.open = [];
    globalThis.BroadcastChannel = FakeChannel as unknown as typeof BroadcastChannel;
    mock.timers.enable({ apis: ['setTimeout'] });
  });
  afterEach(() => {
    mock.timers.reset();
    globalThis.BroadcastChannel = original;
  });

  it('refreshes every store that shows points after a share, once for a burst of shares', async () => {
    const memory = memoryBackend({ now: () => NOW });
    const { backend, reads } = countingReads(memory);
    const client = createAdvocacyClient({ backend, storage: null });
    const stop = await watchPoints(client);
    assert.deepEqual(reads(), [1, 1, 1, 1]);
    const before = client.myStats.store.get().data!.points;

    const posts = (await memory.listFeed()).items.slice(0, 3);
    for (const post of posts) await client.shares.share({ post, network: 'copy', commentary: 'Worth a read' });
    assert.deepEqual(reads(), [1, 1, 1, 1], 'nothing refetches while the burst may go on');

    mock.timers.tick(250);
    const after = await until(client.myStats.store, (s) => s.status === 'ready');
    await until(client.leaderboard.store, settled);
    assert.deepEqual(reads(), [2, 2, 2, 2]);
    assert.equal(after.data!.points, before + 3 * 2, 'a copied link earns 2 points by default');
    const me = client.leaderboard.store.get().data!.me!;
    assert.equal(me.points, after.data!.points);
    stop();
    await client.destroy();
  });

  it('makes an unwatched store forget its points at once, so its next subscriber loads them afresh', async () => {
    const memory = memoryBackend({ now: () => NOW });
    const { backend, calls } = countingReads(memory);
    const client = createAdvocacyClient({ backend, storage: null });
    await client.myStats.refresh();
    const before = client.myStats.store.get().data!.points;
    const post = (await memory.listFeed()).items[0]!;
    await memory.createShare({ postId: post.id, network: 'x', commentary: '', idempotencyKey: 'k1' });

    client.pointsChanged();
    assert.deepEqual(client.myStats.store.get(), { status: 'idle', data: undefined, error: null });
    mock.timers.tick(250);
    assert.equal(calls.getMyStats, 1, 'an unwatched store does not fetch');

    const seen: Array<number | undefined> = [];
    const stop = client.myStats.store.subscribe((state) => seen.push(state.data?.points));
    await until(client.myStats.store, (s) => s.status === 'ready');
    assert.deepEqual(
      seen.filter((points) => points !== undefined),
      [before + 10],
    );
    stop();
    await client.destroy();
  });

  it('never lets an answer overtaken by a newer request overwrite it', async () => {
    const memory = memoryBackend({ now: () => NOW });
    let release: () => void = () => {};
    let stall = true;
    const backend: AdvocacyBackend = {
      ...memory,
      async getMyStats(period) {
        const stats = await memory.getMyStats(period);
        // The first request's answer is held back until after the refresh has answered.
        if (stall) {
          stall = false;
          await new Promise<void>((resolve) => (release = resolve));
        }
        return stats;
      },
    };
    const client = createAdvocacyClient({ backend, storage: null });
    const stop = client.myStats.store.listen(() => {});
    const post = (await memory.listFeed()).items[0]!;
    await memory.createShare({ postId: post.id, network: 'x', commentary: '', idempotencyKey: 'k1' });
    client.pointsChanged();
    mock.timers.tick(250);
    const fresh = await until(client.myStats.store, (s) => s.status === 'ready');
    const { points: old } = await memoryBackend({ now: () => NOW }).getMyStats('month');
    assert.equal(fresh.data!.points, old + 10);
    release();
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.deepEqual(client.myStats.store.get(), fresh);
    stop();
    await client.destroy();
  });

  it('tells the other tabs of the same client, and only those', async () => {
    const memory = memoryBackend({ now: () => NOW });
    const here = createAdvocacyClient({ backend: memory, storage: null, storageKey: 'kit' });
    const tab = countingReads(memory);
    const there = createAdvocacyClient({ backend: tab.backend, storage: null, storageKey: 'kit' });
    const other = countingReads(memory);
    const elsewhere = createAdvocacyClient({ backend: other.backend, storage: null, storageKey: 'another' });
    const stops = [await watchPoints(there), await watchPoints(elsewhere)];

    const post = (await memory.listFeed()).items[0]!;
    await here.shares.share({ post, network: 'copy', commentary: '' });
    mock.timers.tick(250);
    await until(there.myStats.store, (s) => s.status === 'ready');
    assert.deepEqual(tab.reads(), [2, 2, 2, 2]);
    assert.deepEqual(other.reads(), [1, 1, 1, 1]);

    await there.destroy();
    assert.ok(FakeChannel.open.every((channel) => !channel.closed) && FakeChannel.open.length === 2);
    here.pointsChanged();
    mock.timers.tick(250);
    assert.deepEqual(tab.reads(), [2, 2, 2, 2], 'a destroyed client no longer listens');
    stops.forEach((stop) => stop());
    await Promise.all([here.destroy(), elsewhere.destroy()]);
    assert.equal(FakeChannel.open.length, 0);
  });

  it('works without BroadcastChannel (old browsers)', async () => {
    globalThis.BroadcastChannel = undefined as unknown as typeof BroadcastChannel;
    const { backend, reads } = countingReads(memoryBackend({ now: () => NOW }));
    const client = createAdvocacyClient({ backend, storage: null });
    const stop = await watchPoints(client);
    client.pointsChanged();
    client.pointsChanged();
    mock.timers.tick(250);
    await until(client.contests.store, settled);
    assert.deepEqual(reads(), [2, 2, 2, 2]);
    stop();
    await client.destroy();
  });
});

describe('client.pointsChanged across tabs over Node’s own BroadcastChannel', () => {
  it('refreshes the other client, which lets the process exit without destroy()', async () => {
    const memory = memoryBackend({ now: () => NOW });
    const here = createAdvocacyClient({ backend: memory, storage: null, storageKey: 'node-tabs' });
    const there = createAdvocacyClient({ backend: memory, storage: null, storageKey: 'node-tabs' });
    const stop = there.myStats.store.listen(() => {});
    const before = (await until(there.myStats.store, (s) => s.status === 'ready')).data!.points;
    const post = (await memory.listFeed()).items[0]!;
    await here.shares.share({ post, network: 'copy', commentary: '' });
    const after: AsyncState<MyStats> = await until(there.myStats.store, (s) => s.status === 'ready' && s.data!.points !== before);
    assert.equal(after.data!.points, before + 2, 'a copied link earns 2 points by default');
    stop();
    await here.destroy();
    // `there` is left open on purpose: an unref'd channel must not keep this test file running.
  });
});
