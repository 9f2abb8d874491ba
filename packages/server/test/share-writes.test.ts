import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { shareReference } from '@advocacy-kit/core/rules';
import { webhookDb } from '../src/webhooks/tables.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

/**
 * What one share writes, all or nothing: the share with its points, the ledger row, the
 * `share.created` event for each subscribed endpoint and the analytics count — on PostgreSQL in
 * one statement, on SQLite in one transaction.
 */
forEachDatabase('share writes', (open) => {
  let h: Harness;
  let token: string;

  before(async () => {
    h = await startHarness(await open());
    token = await signToken('emp-ann');
    const now = new Date().toISOString();
    const endpoint = (id: string, events: string[], active: number) => ({
      id,
      url: `https://hooks.example.com/${id}`,
      description: '',
      events: JSON.stringify(events),
      secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0',
      active,
      created_at: now,
      updated_at: now,
    });
    await webhookDb(h.advocacy.services.db)
      .insertInto('webhook_endpoints')
      .values([
        endpoint('whe_shares', ['share.created'], 1),
        endpoint('whe_both', ['post.published', 'share.created'], 1),
        endpoint('whe_posts', ['post.published'], 1),
        endpoint('whe_off', ['share.created'], 0),
      ])
      .execute();
  });
  after(() => h.close());

  const share = (key: string, body: object) => h.request('POST', `${API}/shares`, { token, headers: { 'idempotency-key': key }, body });
  const db = () => h.advocacy.services.db;
  const eventsOf = async (shareId: string) =>
    (
      await webhookDb(db())
        .selectFrom('webhook_deliveries')
        .select(['id', 'endpoint_id', 'event_id', 'event_type', 'payload'])
        .where('payload', 'like', `%${shareId}%`)
        .orderBy('endpoint_id')
        .execute()
    ).map((row) => ({ ...row, payload: JSON.parse(row.payload) }));
  const postShares = async (postId: string) =>
    Number(
      (await db().selectFrom('rollup_post').select('shares').where('level', '=', 'a').where('post_id', '=', postId).executeTakeFirst())
        ?.shares ?? 0,
    );

  it('stores the share, its points, one event per subscribed active endpoint and its count, and answers what it stored', async () => {
    const before = await postShares('p-1');
    const created = await json(await share('writes-1', { postId: 'p-1', network: 'linkedin', commentary: 'Worth it' }), 201);
    assert.equal(created.pointsAwarded, 10);
    const ledger = await db()
      .selectFrom('points_ledger')
      .select(['delta', 'employee_id'])
      .where('reason', '=', 'share')
      .where('reference', '=', shareReference('emp-ann', 'p-1', 'linkedin'))
      .execute();
    assert.deepEqual(ledger, [{ delta: 10, employee_id: 'emp-ann' }]);
    const events = await eventsOf(created.id);
    assert.deepEqual(
      events.map((event) => event.endpoint_id),
      ['whe_both', 'whe_shares'],
    );
    assert.equal(new Set(events.map((event) => event.event_id)).size, 1, 'one event, delivered to each endpoint');
    assert.equal(new Set(events.map((event) => event.id)).size, 2, 'a delivery id each');
    for (const event of events) {
      assert.match(event.id, /^whd_[A-Za-z0-9_-]{22}$/);
      assert.equal(event.event_type, 'share.created');
      assert.deepEqual(event.payload.data, created);
      assert.equal(event.payload.id, event.event_id);
    }
    assert.equal(await postShares('p-1'), before + 1);
  });

  it('awards nothing for a reference already in the ledger, and the share and its event say 0', async () => {
    const reference = shareReference('emp-ann', 'p-1', 'facebook');
    await db()
      .insertInto('points_ledger')
      .values({ id: 'pts_legacy', employee_id: 'emp-ann', delta: 10, reason: 'share', reference, created_at: new Date().toISOString() })
      .execute();
    const created = await json(await share('writes-2', { postId: 'p-1', network: 'facebook', commentary: 'Again' }), 201);
    assert.equal(created.pointsAwarded, 0);
    const rows = await db()
      .selectFrom('points_ledger')
      .select('id')
      .where('reason', '=', 'share')
      .where('reference', '=', reference)
      .execute();
    assert.deepEqual(rows, [{ id: 'pts_legacy' }]);
    const events = await eventsOf(created.id);
    assert.equal(events.length, 2);
    assert.ok(events.every((event) => event.payload.data.pointsAwarded === 0));
  });

  it('a share that loses the race to a concurrent one stores nothing: no second count, award or event', async () => {
    const before = await postShares('p-2');
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) => share(`writes-race-${i}`, { postId: 'p-2', network: 'x', commentary: `Take ${i}` })),
    );
    assert.deepEqual(responses.map((r) => r.status).sort(), [200, 200, 200, 200, 200, 201]);
    const bodies = await Promise.all(responses.map((r) => r.json()));
    const winner = bodies.find((body) => body.pointsAwarded > 0)!;
    assert.equal(bodies.filter((body) => body.pointsAwarded > 0).length, 1);
    assert.equal(await postShares('p-2'), before + 1);
    const awards = await db()
      .selectFrom('points_ledger')
      .select('id')
      .where('reason', '=', 'share')
      .where('reference', '=', shareReference('emp-ann', 'p-2', 'x'))
      .execute();
    assert.equal(awards.length, 1);
    const events = await webhookDb(db())
      .selectFrom('webhook_deliveries')
      .select('event_id')
      .where('event_type', '=', 'share.created')
      .where('payload', 'like', '%"postId":"p-2"%')
      .execute();
    assert.equal(events.length, 2, 'the winner’s event, to each of the two endpoints');
    assert.ok((await eventsOf(winner.id)).length === 2);
  });
});
