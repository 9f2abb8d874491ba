import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryBackend } from './memory-backend.js';
import { demoSeed } from './demo-seed.js';

const NOW = new Date('2026-03-18T12:00:00Z'); // a Wednesday

describe('memory backend: badges, contests, preferences', () => {
  it('a first share earns the first-share badge, and a second one does not move it', async () => {
    const seed = demoSeed(NOW);
    const idle = seed.employees.find((e) => !seed.shares.some((share) => share.employeeId === e.id))!;
    const backend = memoryBackend({ seed, now: () => NOW, employeeId: idle.id });
    assert.equal((await backend.listMyBadges!()).find((b) => b.id === 'first_share')!.awardedAt, null);
    await backend.acceptPolicy();
    const feed = await backend.listFeed();
    await backend.createShare({ postId: feed.items[0]!.id, network: 'linkedin', commentary: 'a', idempotencyKey: 'k1' });
    const first = (await backend.listMyBadges!()).find((b) => b.id === 'first_share')!;
    assert.equal(first.awardedAt, NOW.toISOString());
    await backend.createShare({ postId: feed.items[1]!.id, network: 'linkedin', commentary: 'b', idempotencyKey: 'k2' });
    assert.deepEqual(
      (await backend.listMyBadges!()).find((b) => b.id === 'first_share'),
      first,
    );
  });

  it('lists the running demo contest with live standings', async () => {
    const backend = memoryBackend({ seed: demoSeed(NOW), now: () => NOW });
    const [contest] = await backend.listContests!();
    assert.equal(contest!.status, 'active');
    assert.equal(contest!.final, false);
    assert.ok(contest!.entries.length > 0);
    assert.ok(contest!.entries.every((entry, i, all) => i === 0 || all[i - 1]!.points >= entry.points));
  });

  it('freezes an ended contest: later points do not change it', async () => {
    let now = NOW;
    const seed = demoSeed(NOW);
    seed.contests = [
      {
        id: 'c-1',
        title: 'Sprint',
        description: '',
        prize: 'Lunch',
        scope: 'company',
        team: null,
        startsAt: new Date(NOW.getTime() - 10 * 86_400_000).toISOString(),
        endsAt: new Date(NOW.getTime() + 60_000).toISOString(),
      },
    ];
    const backend = memoryBackend({ seed, now: () => now });
    now = new Date(NOW.getTime() + 120_000);
    const [ended] = await backend.listContests!();
    assert.equal(ended!.final, true);
    assert.equal(ended!.status, 'ended');
    const feed = await backend.listFeed();
    await backend.createShare({ postId: feed.items[0]!.id, network: 'x', commentary: 'late', idempotencyKey: 'late' });
    assert.deepEqual((await backend.listContests!())[0]!.entries, ended!.entries);
  });

  it('keeps preferences per employee and rejects non-booleans', async () => {
    const backend = memoryBackend({ seed: demoSeed(NOW), now: () => NOW });
    const { locale, timeZone } = await backend.getMe();
    const own = { locale, timeZone };
    assert.deepEqual(await backend.getPreferences!(), { digest: true, nudges: true, showOnLeaderboard: false, ...own });
    assert.deepEqual(await backend.updatePreferences!({ nudges: false }), {
      digest: true,
      nudges: false,
      showOnLeaderboard: false,
      ...own,
    });
    assert.deepEqual(await backend.getPreferences!(), { digest: true, nudges: false, showOnLeaderboard: false, ...own });
    await assert.rejects(backend.updatePreferences!({ digest: 'no' as unknown as boolean }), { code: 'validation' });
  });
});
