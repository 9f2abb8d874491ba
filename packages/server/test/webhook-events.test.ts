import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { announce } from '../src/engagement/announcements.js';
import { webhookDb } from '../src/webhooks/tables.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

const HOUR = 3_600_000;
const HUMAN = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0 Safari/537.36';

forEachDatabase('webhook events: posts, suggestions and click milestones', (open) => {
  let h: Harness;
  let admin: string;
  let ann: string;

  before(async () => {
    h = await startHarness(await open(), { webhooks: { dispatchIntervalMs: 0 }, engagement: { tickMs: 0 } });
    admin = await signToken('emp-ada', { admin: true });
    ann = await signToken('emp-ann');
    await json(
      await h.request('POST', `${API}/admin/webhooks`, {
        token: admin,
        body: {
          url: 'https://hooks.example.com/all',
          events: ['post.published', 'suggestion.created', 'suggestion.reviewed', 'click.milestone'],
        },
      }),
      201,
    );
  });
  after(() => h.close());

  const events = async (type: string) =>
    (
      await webhookDb(h.advocacy.services.db)
        .selectFrom('webhook_deliveries')
        .select('payload')
        .where('event_type', '=', type)
        .orderBy('created_at')
        .execute()
    ).map((row) => JSON.parse(row.payload).data);

  it('a suggestion and its review are queued with the change', async () => {
    const created = await json(
      await h.request('POST', `${API}/suggestions`, {
        token: ann,
        headers: { 'idempotency-key': 'sug-1' },
        body: { url: 'https://example.com/great', note: 'Great read', topics: [] },
      }),
      201,
    );
    assert.deepEqual(
      (await events('suggestion.created')).map((s) => s.id),
      [created.id],
    );
    await json(
      await h.request('POST', `${API}/admin/suggestions/${created.id}/review`, {
        token: admin,
        body: { decision: 'reject', reason: 'Off topic' },
      }),
      200,
    );
    const [reviewed] = await events('suggestion.reviewed');
    assert.equal(reviewed.id, created.id);
    assert.equal(reviewed.status, 'rejected');
  });

  it('post.published goes out once when a post is published, and when a scheduled one comes due', async () => {
    const now = Date.now();
    const before = (await events('post.published')).length;
    const live = await json(
      await h.request('POST', `${API}/admin/posts`, {
        token: admin,
        body: { kind: 'owned', title: 'Live now', summary: 's', url: 'https://example.com/live', locale: 'en' },
      }),
      201,
    );
    const later = await json(
      await h.request('POST', `${API}/admin/posts`, {
        token: admin,
        body: {
          kind: 'owned',
          title: 'Tomorrow',
          summary: 's',
          url: 'https://example.com/later',
          locale: 'en',
          publishAt: new Date(now + 2 * HOUR).toISOString(),
        },
      }),
      201,
    );
    await announce(h.advocacy.services.db, new Date(now + 60_000));
    await announce(h.advocacy.services.db, new Date(now + 120_000));
    const first = (await events('post.published')).slice(before).map((p) => p.id);
    assert.ok(first.includes(live.id));
    assert.equal(first.includes(later.id), false, 'not before its publish time');
    assert.equal(first.filter((id) => id === live.id).length, 1, 'once');
    await announce(h.advocacy.services.db, new Date(now + 3 * HOUR));
    assert.ok((await events('post.published')).some((p) => p.id === later.id));
  });

  it('click.milestone goes out once when a share reaches 10 unique clicks', async () => {
    const share = await json(
      await h.request('POST', `${API}/shares`, {
        token: ann,
        headers: { 'idempotency-key': 'ms-1' },
        body: { postId: 'p-1', network: 'x', commentary: 'c' },
      }),
      201,
    );
    for (let i = 1; i <= 9; i++)
      await h.request('GET', `/r/${share.trackingCode}`, { headers: { 'user-agent': HUMAN, 'x-forwarded-for': `203.0.113.${i}` } });
    await h.advocacy.flush();
    await announce(h.advocacy.services.db, new Date());
    assert.equal((await events('click.milestone')).filter((m) => m.shareId === share.id).length, 0, 'nine is not a milestone');
    await h.request('GET', `/r/${share.trackingCode}`, { headers: { 'user-agent': HUMAN, 'x-forwarded-for': '203.0.113.10' } });
    await h.advocacy.flush();
    await announce(h.advocacy.services.db, new Date());
    await announce(h.advocacy.services.db, new Date());
    const milestones = (await events('click.milestone')).filter((m) => m.shareId === share.id);
    assert.deepEqual(
      milestones.map((m) => [m.milestone, m.uniqueClicks, m.employeeId]),
      [[10, 10, 'emp-ann']],
    );
  });
});
