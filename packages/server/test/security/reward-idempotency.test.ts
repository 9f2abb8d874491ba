import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

forEachDatabase('security: an Idempotency-Key on reward requests belongs to its employee', (open) => {
  let h: Harness;
  let ann: string;
  let bob: string;
  let ada: string;

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    bob = await signToken('emp-bob');
    ada = await signToken('emp-ada', { admin: true });
    for (const employeeId of ['emp-ann', 'emp-bob'])
      await json(
        await h.request('POST', `${API}/admin/points/adjustments`, {
          token: ada,
          body: { employeeId, delta: 50, reason: 'Security test' },
        }),
        201,
      );
  });
  after(() => h.close());

  it("another employee sending the same key gets their own request, never a replay of someone else's", async () => {
    const reward = await json(
      await h.request('POST', `${API}/admin/rewards`, { token: ada, body: { name: { en: 'Mug' }, cost: 10 } }),
      201,
    );
    const send = (token: string) =>
      h.request('POST', `${API}/rewards/${reward.id}/requests`, { token, headers: { 'idempotency-key': 'guessable-key' } });
    const anns = await json(await send(ann), 201);
    const bobs = await json(await send(bob), 201);
    assert.notEqual(bobs.id, anns.id, 'Bob gets a new request');
    assert.equal(bobs.employeeId, 'emp-bob');
    const bobBalance = await json(await h.request('GET', `${API}/me/points/balance`, { token: bob }), 200);
    assert.equal(bobBalance.held, 10, "Bob's own points are held");
  });

  it('refuses a key that is not printable ASCII or too long', async () => {
    const reward = await json(await h.request('POST', `${API}/admin/rewards`, { token: ada, body: { name: { en: 'Pen' }, cost: 1 } }), 201);
    const refused = await h.request('POST', `${API}/rewards/${reward.id}/requests`, {
      token: ann,
      headers: { 'idempotency-key': 'x'.repeat(201) },
    });
    assert.equal(refused.status, 400);
  });
});
