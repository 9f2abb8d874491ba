import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

const DAY = 86_400_000;

forEachDatabase('security: rewards and points adjustments', (open) => {
  let h: Harness;
  let ann: string; // employee, team-sales
  let bob: string; // employee, team-eng
  let ada: string; // admin
  const balance = async (token: string) =>
    (await json(await h.request('GET', `${API}/me/points/balance`, { token }), 200)) as {
      balance: number;
      earned: number;
      spent: number;
      held: number;
    };
  const createReward = async (body: object) =>
    (await json(await h.request('POST', `${API}/admin/rewards`, { token: ada, body: { name: { en: 'Reward' }, ...body } }), 201)) as {
      id: string;
    };
  const grant = async (employeeId: string, delta: number, reason = 'Security test') =>
    json(await h.request('POST', `${API}/admin/points/adjustments`, { token: ada, body: { employeeId, delta, reason } }), 201);
  const request = (token: string, rewardId: string, body?: object) =>
    h.request('POST', `${API}/rewards/${rewardId}/requests`, { token, ...(body === undefined ? {} : { body }) });

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    bob = await signToken('emp-bob');
    ada = await signToken('emp-ada', { admin: true });
    await grant('emp-ann', 100);
    await grant('emp-bob', 100);
  });
  after(() => h.close());

  describe('an employee cannot act as an admin', () => {
    it('cannot approve, reject or fulfil a request', async () => {
      const reward = await createReward({ cost: 5 });
      const mine = await json(await request(ann, reward.id), 201);
      for (const decision of [{ decision: 'approve' }, { decision: 'reject', reason: 'no' }, { decision: 'fulfil' }]) {
        const problem = await json(
          await h.request('POST', `${API}/admin/reward-requests/${mine.id}/decision`, { token: ann, body: decision }),
          403,
        );
        assert.equal(problem.type, 'https://advocacy-kit.dev/problems/forbidden');
      }
      const listed = await json(await h.request('GET', `${API}/me/reward-requests`, { token: ann }), 200);
      assert.equal(listed.items.find((r: { id: string }) => r.id === mine.id).status, 'pending');
    });

    it('cannot grant or deduct points, for anyone', async () => {
      const before = await balance(ann);
      for (const employeeId of ['emp-ann', 'emp-bob']) {
        await json(
          await h.request('POST', `${API}/admin/points/adjustments`, {
            token: ann,
            body: { employeeId, delta: 1000, reason: 'Self-service' },
          }),
          403,
        );
      }
      assert.deepEqual(await balance(ann), before);
    });

    it('cannot create or edit rewards, or read the request queue', async () => {
      await json(await h.request('POST', `${API}/admin/rewards`, { token: ann, body: { name: { en: 'Free' }, cost: 1 } }), 403);
      const reward = await createReward({ cost: 500 });
      await json(await h.request('PATCH', `${API}/admin/rewards/${reward.id}`, { token: ann, body: { cost: 1 } }), 403);
      await json(await h.request('GET', `${API}/admin/reward-requests`, { token: ann }), 403);
      await json(await h.request('GET', `${API}/admin/rewards`, { token: ann }), 403);
    });
  });

  describe('an employee requests only for themselves', () => {
    it('is the requester whatever the body says, and the other employee’s points do not move', async () => {
      const reward = await createReward({ cost: 7 });
      const bobBefore = await balance(bob);
      const response = await request(ann, reward.id, { employeeId: 'emp-bob' });
      const made = await json(response, 201);
      assert.equal(made.employeeId, 'emp-ann');
      assert.deepEqual(await balance(bob), bobBefore);
    });

    it('cannot cancel someone else’s request (404, and it stays pending)', async () => {
      const reward = await createReward({ cost: 3 });
      const bobs = await json(await request(bob, reward.id), 201);
      const problem = await json(await h.request('POST', `${API}/me/reward-requests/${bobs.id}/cancel`, { token: ann }), 404);
      assert.equal(problem.type, 'https://advocacy-kit.dev/problems/not_found');
      const listed = await json(await h.request('GET', `${API}/me/reward-requests`, { token: bob }), 200);
      assert.equal(listed.items.find((r: { id: string }) => r.id === bobs.id).status, 'pending');
      const annList = await json(await h.request('GET', `${API}/me/reward-requests`, { token: ann }), 200);
      assert.ok(!annList.items.some((r: { id: string }) => r.id === bobs.id), 'not in ann’s list');
    });
  });

  describe('an employee cannot request what is not offered to them', () => {
    it('refuses an inactive, not-yet-started, ended or other team’s reward with 404, holding nothing', async () => {
      const now = Date.now();
      const offLimits = [
        await createReward({ cost: 1, active: false }),
        await createReward({ cost: 1, startsAt: new Date(now + DAY).toISOString() }),
        await createReward({ cost: 1, startsAt: new Date(now - 3 * DAY).toISOString(), endsAt: new Date(now - DAY).toISOString() }),
        await createReward({ cost: 1, team: 'team-eng' }),
      ];
      const before = await balance(ann);
      const catalogue = await json(await h.request('GET', `${API}/rewards`, { token: ann }), 200);
      for (const reward of offLimits) {
        assert.ok(!catalogue.items.some((r: { id: string }) => r.id === reward.id), 'not listed');
        const problem = await json(await request(ann, reward.id), 404);
        assert.equal(problem.type, 'https://advocacy-kit.dev/problems/not_found');
      }
      assert.deepEqual(await balance(ann), before);
      // The team's own members may request it.
      await json(await request(bob, offLimits[3]!.id), 201);
    });

    it('refuses a reward deactivated after it was listed', async () => {
      const reward = await createReward({ cost: 1 });
      await json(await h.request('PATCH', `${API}/admin/rewards/${reward.id}`, { token: ada, body: { active: false } }), 200);
      await json(await request(ann, reward.id), 404);
    });
  });

  describe('points are never overspent', () => {
    it('answers 422 with a field error when the cost is more than the balance', async () => {
      const { balance: have } = await balance(ann);
      const reward = await createReward({ cost: have + 1 });
      const problem = await json(await request(ann, reward.id), 422);
      assert.equal(problem.type, 'https://advocacy-kit.dev/problems/validation');
      assert.match(problem.detail, new RegExp(`costs ${have + 1} points; your balance is ${have}`));
      assert.deepEqual(problem.errors, [
        { field: 'rewardId', message: `needs ${have + 1} points; your balance is ${have}`, code: 'insufficient_points' },
      ]);
      assert.equal((await balance(ann)).balance, have);
    });

    it('refuses a deduction that would take the balance below zero (422 on delta), and takes one that does not', async () => {
      const { balance: have } = await balance(bob);
      const problem = await json(
        await h.request('POST', `${API}/admin/points/adjustments`, {
          token: ada,
          body: { employeeId: 'emp-bob', delta: -(have + 1), reason: 'Correction' },
        }),
        422,
      );
      assert.equal(problem.errors[0].field, 'delta');
      assert.equal(problem.errors[0].code, 'insufficient_points');
      await grant('emp-bob', -have, 'Correction to zero');
      assert.equal((await balance(bob)).balance, 0);
      await grant('emp-bob', 100, 'Back again');
    });

    it('50 concurrent requests costing the whole balance: one is accepted and the balance ends at zero', async () => {
      const before = await balance(ann);
      assert.ok(before.balance > 0);
      const reward = await createReward({ cost: before.balance });
      const responses = await Promise.all(Array.from({ length: 50 }, () => request(ann, reward.id)));
      const statuses = responses.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 201).length, 1, `statuses: ${statuses.join(',')}`);
      assert.equal(statuses.filter((s) => s === 422).length, 49);
      assert.deepEqual(await balance(ann), { ...before, balance: 0, held: before.held + before.balance });
      const won = await json(
        responses.find((r) => r.status === 201)!,
        201,
      );
      await json(await h.request('POST', `${API}/me/reward-requests/${won.id}/cancel`, { token: ann }), 200);
      assert.deepEqual(await balance(ann), before);
    });

    it('requests and deductions racing for the same points: exactly one of them takes the balance', async () => {
      const before = await balance(ann);
      const reward = await createReward({ cost: before.balance });
      const deduct = () =>
        h.request('POST', `${API}/admin/points/adjustments`, {
          token: ada,
          body: { employeeId: 'emp-ann', delta: -before.balance, reason: 'Race' },
        });
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? request(ann, reward.id) : deduct())));
      const statuses = responses.map((r) => r.status);
      assert.equal(statuses.filter((s) => s === 201).length, 1, `statuses: ${statuses.join(',')}`);
      assert.equal(statuses.filter((s) => s === 422).length, 19);
      assert.equal((await balance(ann)).balance, 0);
      await grant('emp-ann', before.balance, 'Race over');
    });

    it('50 concurrent requests from two employees for the last item: exactly one gets it, stock ends at zero', async () => {
      const reward = await createReward({ cost: 2, stock: 1 });
      const statuses = (await Promise.all(Array.from({ length: 50 }, (_, i) => request(i % 2 ? ann : bob, reward.id)))).map(
        (r) => r.status,
      );
      assert.equal(statuses.filter((s) => s === 201).length, 1, `statuses: ${statuses.join(',')}`);
      assert.equal(statuses.filter((s) => s === 409).length, 49);
      const all = await json(await h.request('GET', `${API}/admin/rewards`, { token: ada }), 200);
      assert.equal(all.items.find((r: { id: string }) => r.id === reward.id).stock, 0);
      for (const token of [ann, bob]) assert.ok((await balance(token)).balance >= 0);
    });
  });

  describe('what an admin writes is safe to show and on the record', () => {
    it('refuses an image URL that is not http(s)', async () => {
      for (const imageUrl of ['javascript:alert(1)', 'data:image/png;base64,AAAA', ' javascript:alert(1)']) {
        const response = await h.request('POST', `${API}/admin/rewards`, { token: ada, body: { name: { en: 'X' }, cost: 1, imageUrl } });
        assert.ok([400, 422].includes(response.status), `${imageUrl}: ${response.status}`);
      }
    });

    it('records adjustments, reward changes and decisions in the audit log', async () => {
      const reward = await createReward({ cost: 1 });
      const entry = await grant('emp-ann', 3, 'Talk at the meetup');
      const made = await json(await request(ann, reward.id), 201);
      await json(
        await h.request('POST', `${API}/admin/reward-requests/${made.id}/decision`, { token: ada, body: { decision: 'approve' } }),
        200,
      );
      const rows = await h.advocacy.services.db.selectFrom('audit_log').selectAll().where('actor_id', '=', 'emp-ada').execute();
      const actions = rows.map((row) => `${row.action}:${row.target_id}`);
      assert.ok(actions.includes(`reward.create:${reward.id}`));
      assert.ok(actions.includes('points.adjust:emp-ann'));
      assert.ok(actions.includes(`reward_request.approve:${made.id}`));
      const adjusted = rows.find((row) => row.action === 'points.adjust' && JSON.parse(row.after!).id === entry.id);
      assert.equal(JSON.parse(adjusted!.after!).note, 'Talk at the meetup');
      const points = await json(await h.request('GET', `${API}/me/points`, { token: ann }), 200);
      const mine = points.items.find((row: { id: string }) => row.id === entry.id);
      assert.deepEqual(
        { reason: mine.reason, delta: mine.delta, note: mine.note },
        { reason: 'manual', delta: 3, note: 'Talk at the meetup' },
      );
    });

    it('an unknown employee is a 422 on employeeId, not a ledger row for nobody', async () => {
      const problem = await json(
        await h.request('POST', `${API}/admin/points/adjustments`, {
          token: ada,
          body: { employeeId: 'emp-nobody', delta: 5, reason: 'x' },
        }),
        422,
      );
      assert.equal(problem.errors[0].field, 'employeeId');
      const rows = await h.advocacy.services.db.selectFrom('points_ledger').select('id').where('employee_id', '=', 'emp-nobody').execute();
      assert.equal(rows.length, 0);
    });
  });
});
