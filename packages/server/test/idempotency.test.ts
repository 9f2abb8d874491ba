import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { API, API_KEY, json, signToken, startHarness, type Harness } from './support/harness.js';

forEachDatabase('idempotent writes', (open) => {
  let h: Harness;
  let token: string;

  before(async () => {
    h = await startHarness(await open());
    token = await signToken('emp-ann');
  });
  after(() => h.close());

  const share = (key: string, body: object = { postId: 'p-1', network: 'x', commentary: 'Great read' }) =>
    h.request('POST', `${API}/shares`, { token, headers: { 'idempotency-key': key }, body });

  const ledger = async () =>
    (await json(await h.request('GET', `${API}/me/points?limit=100`, { token }), 200)).items as Array<{ reason: string; delta: number }>;

  it('creates one share and one award when the same share is retried 50 times at once', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => share('retry-storm')));
    const statuses = responses.map((r) => r.status).sort();
    assert.deepEqual(statuses, [...Array(49).fill(200), 201].sort());
    const bodies = await Promise.all(responses.map((r) => r.json()));
    assert.equal(new Set(bodies.map((b) => b.id)).size, 1);
    assert.equal(new Set(bodies.map((b) => b.trackingCode)).size, 1);
    assert.ok(bodies.every((b) => b.pointsAwarded === 10));
    const shares = await json(await h.request('GET', `${API}/me/shares`, { token }), 200);
    assert.equal(shares.items.length, 1);
    const awards = (await ledger()).filter((entry) => entry.reason === 'share');
    assert.deepEqual(
      awards.map((entry) => entry.delta),
      [10],
    );
  });

  it('rejects the same key with a different body as a conflict', async () => {
    const response = await share('retry-storm', { postId: 'p-1', network: 'x', commentary: 'Different words' });
    const problem = await json(response, 409);
    assert.equal(problem.type, 'https://advocacy-kit.dev/problems/conflict');
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
  });

  it('answers a second share of the same post and network under a new key with the first share, and no new points', async () => {
    const first = await json(await share('retry-storm'), 200);
    const second = await json(await share('another-key', { postId: 'p-1', network: 'x', commentary: 'New words' }), 200);
    assert.deepEqual(second, { ...first, pointsAwarded: 0 });
    const shares = await json(await h.request('GET', `${API}/me/shares`, { token }), 200);
    assert.equal(shares.items.length, 1);
    const awards = (await ledger()).filter((entry) => entry.reason === 'share');
    assert.equal(awards.length, 1);
  });

  it('creates one share when the same post and network are shared 20 times at once under different keys', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => share(`storm-${i}`, { postId: 'p-1', network: 'facebook', commentary: `Take ${i}` })),
    );
    assert.deepEqual(responses.map((r) => r.status).sort(), [...Array(19).fill(200), 201].sort());
    const bodies = await Promise.all(responses.map((r) => r.json()));
    assert.equal(new Set(bodies.map((b) => b.trackingCode)).size, 1);
    // Every key replays the answer it got.
    const again = await json(await share('storm-7', { postId: 'p-1', network: 'facebook', commentary: 'Take 7' }), 200);
    assert.equal(again.trackingCode, bodies[0].trackingCode);
  });

  it('counts a repeated conversion externalId once, and awards once', async () => {
    const shareRow = await json(await share('conv-share', { postId: 'p-1', network: 'linkedin', commentary: '' }), 201);
    const convert = () =>
      h.request('POST', `${API}/conversions`, {
        headers: { 'x-api-key': API_KEY },
        body: { code: shareRow.trackingCode, type: 'deal', value: 1200, currency: 'EUR', externalId: 'crm-42' },
      });
    const results = await Promise.all(Array.from({ length: 10 }, convert));
    assert.deepEqual(results.map((r) => r.status).sort(), [...Array(9).fill(200), 201].sort());
    const conversions = (await ledger()).filter((entry) => entry.reason === 'conversion');
    assert.deepEqual(
      conversions.map((entry) => entry.delta),
      [50],
    );
  });

  it('returns the same suggestion for a repeated Idempotency-Key', async () => {
    const body = { url: 'https://example.org/article', note: 'Good for recruiting', topics: ['t-hiring'] };
    const first = await json(await h.request('POST', `${API}/suggestions`, { token, headers: { 'idempotency-key': 'sug-1' }, body }), 201);
    const again = await json(await h.request('POST', `${API}/suggestions`, { token, headers: { 'idempotency-key': 'sug-1' }, body }), 200);
    assert.equal(again.id, first.id);
  });

  it('counts each event id once across batches', async () => {
    const at = new Date().toISOString();
    const events = [
      { id: 'ev-1', type: 'feed_view', at },
      { id: 'ev-2', type: 'post_open', at, postId: 'p-1' },
    ];
    assert.deepEqual(await json(await h.request('POST', `${API}/events`, { token, body: { events } }), 200), {
      accepted: 2,
      duplicates: 0,
    });
    const replay = [...events, { id: 'ev-3', type: 'share_intent', at, postId: 'p-1', network: 'x' }];
    assert.deepEqual(await json(await h.request('POST', `${API}/events`, { token, body: { events: replay } }), 200), {
      accepted: 1,
      duplicates: 2,
    });
  });
});
