import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { webhookDb } from '../src/webhooks/tables.js';
import { forEachDatabase } from './support/databases.js';
import { API, API_KEY, json, signToken, startHarness, type Harness } from './support/harness.js';

const HUMAN = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';

forEachDatabase('CRM hand-off', (open) => {
  let h: Harness;
  let admin: string;
  let conversionId: string;

  before(async () => {
    h = await startHarness(await open(), { webhooks: { dispatchIntervalMs: 0 }, engagement: { tickMs: 0 } });
    admin = await signToken('emp-ada', { admin: true });
    await json(
      await h.request('POST', `${API}/admin/webhooks`, {
        token: admin,
        body: { url: 'https://crm.example.com/advocacy', events: ['conversion.recorded'] },
      }),
      201,
    );
    const ann = await signToken('emp-ann');
    const share = await json(
      await h.request('POST', `${API}/shares`, {
        token: ann,
        headers: { 'idempotency-key': 'crm-1' },
        body: { postId: 'p-1', network: 'linkedin', commentary: 'Read this' },
      }),
      201,
    );
    for (const ip of ['198.51.100.1', '198.51.100.2']) {
      assert.equal(
        (await h.request('GET', `/r/${share.trackingCode}`, { headers: { 'user-agent': HUMAN, 'x-forwarded-for': ip } })).status,
        302,
      );
    }
    await h.advocacy.flush();
    const conversion = await json(
      await h.request('POST', `${API}/conversions`, {
        headers: { 'x-api-key': API_KEY },
        body: { code: share.trackingCode, type: 'deal', value: 1200, currency: 'EUR', externalId: 'hs-deal-77' },
      }),
      201,
    );
    conversionId = conversion.id;
  });
  after(() => h.close());

  it('conversion.recorded carries the advocate, post, network, UTM and clicks behind the conversion', async () => {
    const [delivery] = await webhookDb(h.advocacy.services.db)
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('event_type', '=', 'conversion.recorded')
      .execute();
    const data = JSON.parse(delivery!.payload).data;
    assert.equal(data.id, conversionId);
    assert.equal(data.externalId, 'hs-deal-77');
    assert.equal(data.source, 'crm', 'the system that reported it');
    assert.equal(data.value, 1200);
    assert.deepEqual(data.attribution.employee, { id: 'emp-ann', displayName: 'Ann', team: 'team-sales', teamName: 'Sales' });
    assert.equal(data.attribution.post.id, 'p-1');
    assert.equal(data.attribution.network, 'linkedin');
    assert.equal(data.attribution.utm.source, 'linkedin');
    assert.equal(data.attribution.utm.campaign, 'p-1');
    assert.equal(data.attribution.clicks.unique, 2);
    assert.ok(data.attribution.clicks.firstAt <= data.attribution.clicks.lastAt);
  });

  it('/admin/exports/crm.csv has one attributed row per conversion, for admins only', async () => {
    assert.equal((await h.request('GET', `${API}/admin/exports/crm.csv`, { token: await signToken('emp-ann') })).status, 403);
    const response = await h.request('GET', `${API}/admin/exports/crm.csv`, { token: admin });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/csv/);
    const [header, ...rows] = (await response.text()).trim().split('\r\n');
    const columns = header!.split(',');
    const records = rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [columns[i], cell])));
    const deal = records.find((r) => r.external_id === 'hs-deal-77')!;
    assert.equal(deal.conversion_type, 'deal');
    assert.equal(deal.source, 'crm');
    assert.equal(deal.value, '1200');
    assert.equal(deal.currency, 'EUR');
    assert.equal(deal.advocate_name, 'Ann');
    assert.equal(deal.advocate_team, 'Sales');
    assert.equal(deal.network, 'linkedin');
    assert.equal(deal.utm_source, 'linkedin');
    assert.equal(deal.unique_clicks, '2');
    // The seeded conversion is there too, attributed to Bob.
    const seeded = records.find((r) => r.external_id === 'crm-seed-1')!;
    assert.deepEqual([seeded.advocate_id, seeded.source], ['emp-bob', 'default']);
  });
});
