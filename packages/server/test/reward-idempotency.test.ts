import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

forEachDatabase('rewards: a request under an Idempotency-Key', (open) => {
  let h: Harness;
  let ann: string;
  let ada: string;
  const balance = async () => json(await h.request('GET', `${API}/me/points/balance`, { token: ann }), 200);
  const request = (rewardId: string, key: string) =>
    h.request('POST', `${API}/rewards/${rewardId}/requests`, { token: ann, headers: { 'idempotency-key': key } });

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    ada = await signToken('emp-ada', { admin: true });
    await json(
      await h.request('POST', `${API}/admin/points/adjustments`, {
        token: ada,
        body: { employeeId: 'emp-ann', delta: 100, reason: 'Idempotency test' },
      }),
      201,
    );
  });
  after(() => h.close());

  it('sent twice at once, holds the points and the stock once and answers both with the same request', async () => {
    const reward = await json(
      await h.request('POST', `${API}/admin/rewards`, { token: ada, body: { name: { en: 'Mug' }, cost: 30, stock: 3 } }),
      201,
    );
    const before = await balance();
    const responses = await Promise.all([request(reward.id, 'double-click-1'), request(reward.id, 'double-click-1')]);
    const statuses = responses.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 201], 'one request is made (201), the other is its replay (200)');
    const [first, second] = await Promise.all(responses.map((r) => r.json()));
    assert.equal(second.id, first.id, 'both answers name the same request');
    const after = await balance();
    assert.deepEqual([after.balance, after.held], [before.balance - 30, before.held + 30], 'the cost is held once');
    const listed = await json(await h.request('GET', `${API}/rewards`, { token: ann }), 200);
    assert.equal(listed.items.find((r: { id: string }) => r.id === reward.id).stock, 2, 'one item of the stock is held');
    const mine = await json(await h.request('GET', `${API}/me/reward-requests`, { token: ann }), 200);
    assert.equal(mine.items.filter((r: { rewardId: string }) => r.rewardId === reward.id).length, 1, 'one request is listed');
  });

  it('answers 409 problem when the key was used for another reward, and holds nothing', async () => {
    const [mug, pen] = await Promise.all(
      ['Mug', 'Pen'].map(async (name) =>
        json(await h.request('POST', `${API}/admin/rewards`, { token: ada, body: { name: { en: name }, cost: 5 } }), 201),
      ),
    );
    await json(await request(mug.id, 'reused-key'), 201);
    const before = await balance();
    const refused = await request(pen.id, 'reused-key');
    assert.equal(refused.status, 409);
    assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.match((await refused.json()).detail, /Idempotency-Key/);
    assert.deepEqual(await balance(), before, 'nothing more is held');
  });
});
