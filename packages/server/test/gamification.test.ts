import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { httpBackend, NETWORK_IDS } from '@advocacy-kit/core';
import { sharePoints } from '@advocacy-kit/core/rules';
import { awardBadges } from '../src/gamification/badges.js';
import { finalizeEndedContests } from '../src/gamification/contests.js';
import { gamificationDb } from '../src/gamification/tables.js';
import { newId } from '../src/ids.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';
import { assertSchema } from './support/schema.js';

const HOUR = 3_600_000;

forEachDatabase('badges, contests, caps and preferences', (open) => {
  let h: Harness;
  let ann: string;
  let bob: string;
  let admin: string;

  before(async () => {
    h = await startHarness(await open(), { webhooks: { dispatchIntervalMs: 0 } });
    ann = await signToken('emp-ann');
    bob = await signToken('emp-bob');
    admin = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  const badgeRows = (employeeId: string) =>
    gamificationDb(h.advocacy.services.db).selectFrom('employee_badges').selectAll().where('employee_id', '=', employeeId).execute();
  const badge = async (token: string, id: string) => {
    const list = await json(await h.request('GET', `${API}/me/badges`, { token }), 200);
    assertSchema('BadgeList', list);
    return list.items.find((b: { id: string }) => b.id === id);
  };

  describe('badges', () => {
    it('an employee without shares has every badge still to earn', async () => {
      const first = await badge(ann, 'first_share');
      assert.deepEqual(first, { id: 'first_share', awardedAt: null, progress: 0, target: 1 });
      assert.equal((await badgeRows('emp-ann')).length, 0);
    });

    it('ten concurrent shares award first-share and ten-shares once each', async () => {
      const networks = NETWORK_IDS.slice(0, 10);
      const shares = await Promise.all(
        networks.map((network, i) =>
          h
            .request('POST', `${API}/shares`, {
              token: ann,
              headers: { 'idempotency-key': `badge-${i}` },
              body: { postId: 'p-1', network, commentary: `share ${i}` },
            })
            .then((r) => json(r, 201)),
        ),
      );
      // More evaluations racing the ones the shares triggered.
      await Promise.all(Array.from({ length: 10 }, () => awardBadges(h.advocacy.services.db, 'emp-ann', h.config.rules.badges)));
      const rows = await badgeRows('emp-ann');
      assert.deepEqual(rows.map((row) => row.badge_id).sort(), ['first_share', 'ten_shares']);
      const times = shares.map((share) => share.createdAt).sort();
      assert.equal((await badge(ann, 'first_share')).awardedAt, times[0]);
      const ten = await badge(ann, 'ten_shares');
      assert.deepEqual([ten.awardedAt, ten.progress, ten.target], [times[9], 10, 10]);
      assert.equal((await badge(ann, 'streak')).progress, 1);
    });

    it('a conversion recorded before badges existed is picked up when the employee looks', async () => {
      const conversion = await badge(bob, 'first_conversion');
      assert.ok(conversion.awardedAt, 'seeded conversion earns the badge');
      assert.equal((await badgeRows('emp-bob')).filter((row) => row.badge_id === 'first_conversion').length, 1);
    });
  });

  describe('contests', () => {
    it('an admin creates a running company contest; employees see live standings and their rank', async () => {
      const now = Date.now();
      const created = await json(
        await h.request('POST', `${API}/admin/contests`, {
          token: admin,
          body: {
            title: 'Sprint',
            prize: 'A day off',
            scope: 'company',
            startsAt: new Date(now - HOUR).toISOString(),
            endsAt: new Date(now + HOUR).toISOString(),
          },
        }),
        201,
      );
      assertSchema('Contest', created);
      assert.equal(created.status, 'active');
      const list = await json(await h.request('GET', `${API}/contests`, { token: ann }), 200);
      assertSchema('ContestList', list);
      const sprint = list.items.find((c: { id: string }) => c.id === created.id);
      assert.equal(sprint.final, false);
      assert.equal(sprint.entries[0].employeeId, 'emp-ann');
      assert.equal(sprint.me.rank, 1);
      // Ten shares, one per network: copy and email among them earn their lower weight.
      const earned = NETWORK_IDS.slice(0, 10).reduce((sum, network) => sum + sharePoints(h.config.rules, network), 0);
      assert.equal(sprint.me.points, earned);
      assert.equal(sprint.prize, 'A day off');
    });

    it('refuses employees, reversed ranges and team contests without a team', async () => {
      const body = { title: 'X', prize: 'Y', scope: 'company', startsAt: '2026-01-02T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' };
      assert.equal((await h.request('POST', `${API}/admin/contests`, { token: ann, body })).status, 403);
      assert.equal((await json(await h.request('POST', `${API}/admin/contests`, { token: admin, body }), 422)).errors[0].field, 'endsAt');
      const team = { ...body, scope: 'team', endsAt: '2026-01-03T00:00:00Z' };
      assert.equal(
        (await json(await h.request('POST', `${API}/admin/contests`, { token: admin, body: team }), 422)).errors[0].field,
        'team',
      );
    });

    it('an ended contest stores its final leaderboard once, even when finalised concurrently, and it no longer changes', async () => {
      const now = Date.now();
      const created = await json(
        await h.request('POST', `${API}/admin/contests`, {
          token: admin,
          body: {
            title: 'Engineering week',
            prize: 'Pizza',
            scope: 'team',
            team: 'team-eng',
            startsAt: new Date(now - 30 * 24 * HOUR).toISOString(),
            endsAt: new Date(now - 1_000).toISOString(),
          },
        }),
        201,
      );
      assert.equal(created.status, 'ended');
      const results = await Promise.all([
        ...Array.from({ length: 5 }, () => finalizeEndedContests(h.advocacy.services.db, new Date())),
        ...Array.from({ length: 3 }, () => h.request('GET', `${API}/contests`, { token: bob }).then((r) => json(r, 200))),
      ]);
      const finalized = results.slice(0, 5) as number[];
      const listed = results.slice(5) as Array<{ items: Array<{ id: string; final: boolean }> }>;
      // The GET requests finalise too: at most one of the direct calls got there first.
      assert.ok(finalized.reduce((sum, n) => sum + n, 0) <= 1);
      const gdb = gamificationDb(h.advocacy.services.db);
      const stored = await gdb.selectFrom('contest_results').selectAll().where('contest_id', '=', created.id).execute();
      assert.deepEqual(
        stored.map((row) => row.employee_id),
        ['emp-bob'],
        'team scope: only the engineering team, once',
      );
      const frozen = await json(await h.request('GET', `${API}/contests`, { token: bob }), 200);
      const contest = frozen.items.find((c: { id: string }) => c.id === created.id);
      assert.equal(contest.final, true);
      assert.ok(listed.every((list) => list.items.some((c) => c.id === created.id)));
      // Points booked later inside the window (a late correction) do not move the stored result.
      await h.advocacy.services.db
        .insertInto('points_ledger')
        .values({
          id: newId('pts'),
          employee_id: 'emp-ada',
          delta: 500,
          reason: 'adjustment',
          reference: 'late-fix',
          created_at: new Date(now - 2 * HOUR).toISOString(),
        })
        .execute();
      const again = (await json(await h.request('GET', `${API}/contests`, { token: bob }), 200)).items.find(
        (c: { id: string }) => c.id === created.id,
      );
      assert.deepEqual(again.entries, contest.entries);
      // Ann is in sales: the engineering contest is not hers.
      const annList = await json(await h.request('GET', `${API}/contests`, { token: ann }), 200);
      assert.equal(
        annList.items.some((c: { id: string }) => c.id === created.id),
        false,
      );
    });
  });

  describe('caps and preferences', () => {
    it('admins read the anti-gaming caps the server enforces', async () => {
      const list = await json(await h.request('GET', `${API}/admin/caps`, { token: admin }), 200);
      assertSchema('CapList', list);
      assert.equal(
        list.items.find((cap: { name: string }) => cap.name === 'click_points_per_post_per_day').limit,
        h.config.rules.points.clickDailyCapPerPost,
      );
      assert.equal((await h.request('GET', `${API}/admin/caps`, { token: ann })).status, 403);
    });

    it('an employee opts out of the digest and keeps the reminders', async () => {
      // Bob's language and time zone come along (self-service); the switches are what this test is about.
      const bobs = { locale: 'ja', timeZone: 'Asia/Tokyo' };
      assert.deepEqual(await json(await h.request('GET', `${API}/me/preferences`, { token: bob }), 200), {
        digest: true,
        nudges: true,
        showOnLeaderboard: false,
        ...bobs,
      });
      const updated = await json(await h.request('PUT', `${API}/me/preferences`, { token: bob, body: { digest: false } }), 200);
      assertSchema('Preferences', updated);
      assert.deepEqual(updated, { digest: false, nudges: true, showOnLeaderboard: false, ...bobs });
      assert.deepEqual(await json(await h.request('GET', `${API}/me/preferences`, { token: bob }), 200), {
        digest: false,
        nudges: true,
        showOnLeaderboard: false,
        ...bobs,
      });
      await json(await h.request('PUT', `${API}/me/preferences`, { token: bob, body: {} }), 422);
      await json(await h.request('PUT', `${API}/me/preferences`, { token: bob, body: { digest: 'no' } }), 422);
    });

    it("core's httpBackend reads badges, contests and preferences", async () => {
      const backend = httpBackend({
        baseUrl: 'http://app.test/api/v1',
        getToken: () => ann,
        retries: 0,
        fetch: (input, init) => Promise.resolve(h.advocacy.app.request(input as Request, init)),
      });
      assert.equal((await backend.listMyBadges!()).find((b) => b.id === 'first_share')!.awardedAt !== null, true);
      assert.ok((await backend.listContests!()).length >= 1);
      const anns = { locale: 'en', timeZone: 'UTC' };
      assert.deepEqual(await backend.updatePreferences!({ nudges: false }), {
        digest: true,
        nudges: false,
        showOnLeaderboard: false,
        ...anns,
      });
      assert.deepEqual(await backend.getPreferences!(), { digest: true, nudges: false, showOnLeaderboard: false, ...anns });
    });
  });
});
