import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { webhookDb } from '../src/webhooks/tables.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

const HOUR = 3_600_000;

forEachDatabase('rewards: points earned, and webhook events', (open) => {
  let h: Harness;
  let ann: string;
  let ada: string;

  before(async () => {
    h = await startHarness(await open(), { webhooks: { dispatchIntervalMs: 0 } });
    ann = await signToken('emp-ann');
    ada = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  const get = async (path: string, token = ann) => json(await h.request('GET', `${API}${path}`, { token }), 200);

  describe('a request, an approval and a rejection', () => {
    it('leave the leaderboards, contest standings and my stats where they were; the balance moves', async () => {
      const now = Date.now();
      const contest = await json(
        await h.request('POST', `${API}/admin/contests`, {
          token: ada,
          body: {
            title: 'Spring',
            prize: 'Lunch',
            scope: 'company',
            startsAt: new Date(now - HOUR).toISOString(),
            endsAt: new Date(now + HOUR).toISOString(),
          },
        }),
        201,
      );
      await json(
        await h.request('POST', `${API}/admin/points/adjustments`, {
          token: ada,
          body: { employeeId: 'emp-ann', delta: 70, reason: 'Talk at the meetup' },
        }),
        201,
      );
      const standing = async () => (await get('/contests')).items.find((c: { id: string }) => c.id === contest.id).me.points as number;
      const before = {
        board: (await get('/leaderboard?period=all&scope=company')).me.points,
        week: (await get('/leaderboard?period=week&scope=team')).me.points,
        stats: (await get('/me/stats?period=all')).points,
        contest: await standing(),
      };
      assert.equal(before.contest >= 70, true, 'the manual grant counts as earned in the contest');
      const balance = await get('/me/points/balance');
      assert.equal(balance.earned, before.stats, 'earned is what my stats count');

      const reward = await json(
        await h.request('POST', `${API}/admin/rewards`, { token: ada, body: { name: { en: 'Lunch' }, cost: 30 } }),
        201,
      );
      const kept = await json(await h.request('POST', `${API}/rewards/${reward.id}/requests`, { token: ann }), 201);
      const released = await json(await h.request('POST', `${API}/rewards/${reward.id}/requests`, { token: ann }), 201);
      await json(
        await h.request('POST', `${API}/admin/reward-requests/${kept.id}/decision`, { token: ada, body: { decision: 'approve' } }),
        200,
      );
      await json(
        await h.request('POST', `${API}/admin/reward-requests/${released.id}/decision`, {
          token: ada,
          body: { decision: 'reject', reason: 'One each' },
        }),
        200,
      );

      assert.deepEqual(
        {
          board: (await get('/leaderboard?period=all&scope=company')).me.points,
          week: (await get('/leaderboard?period=week&scope=team')).me.points,
          stats: (await get('/me/stats?period=all')).points,
          contest: await standing(),
        },
        before,
      );
      assert.deepEqual(await get('/me/points/balance'), { balance: balance.balance - 30, earned: balance.earned, spent: 30, held: 0 });
      const ledger = (await get('/me/points?limit=100')).items as Array<{ reason: string; delta: number; reference: string }>;
      assert.deepEqual(
        ledger
          .filter((row) => row.reference === kept.id || row.reference === released.id)
          .map((row) => [row.reason, row.delta, row.reference === kept.id]),
        [
          ['reward_release', 30, false],
          ['reward_hold', -30, false],
          ['reward_hold', -30, true],
        ],
      );
    });
  });

  describe('webhook events', () => {
    it('queue reward_request.created with a request and reward_request.updated with each decision and a cancellation', async () => {
      await json(
        await h.request('POST', `${API}/admin/webhooks`, {
          token: ada,
          body: { url: 'https://hooks.example.com/rewards', events: ['reward_request.created', 'reward_request.updated'] },
        }),
        201,
      );
      const events = async (type: string) =>
        (
          await webhookDb(h.advocacy.services.db)
            .selectFrom('webhook_deliveries')
            .select('payload')
            .where('event_type', '=', type)
            .orderBy('created_at')
            .execute()
        ).map((row) => JSON.parse(row.payload).data as { id: string; status: string });
      await json(
        await h.request('POST', `${API}/admin/points/adjustments`, { token: ada, body: { employeeId: 'emp-ann', delta: 20, reason: 'x' } }),
        201,
      );
      const reward = await json(
        await h.request('POST', `${API}/admin/rewards`, { token: ada, body: { name: { en: 'Pin' }, cost: 1 } }),
        201,
      );
      const first = await json(await h.request('POST', `${API}/rewards/${reward.id}/requests`, { token: ann }), 201);
      const second = await json(await h.request('POST', `${API}/rewards/${reward.id}/requests`, { token: ann }), 201);
      await json(
        await h.request('POST', `${API}/admin/reward-requests/${first.id}/decision`, { token: ada, body: { decision: 'approve' } }),
        200,
      );
      await json(await h.request('POST', `${API}/me/reward-requests/${second.id}/cancel`, { token: ann }), 200);
      assert.deepEqual(
        (await events('reward_request.created')).map((r) => [r.id, r.status]),
        [
          [first.id, 'pending'],
          [second.id, 'pending'],
        ],
      );
      assert.deepEqual(
        (await events('reward_request.updated')).map((r) => [r.id, r.status]).sort(),
        [
          [first.id, 'approved'],
          [second.id, 'cancelled'],
        ].sort(),
      );
    });
  });
});
