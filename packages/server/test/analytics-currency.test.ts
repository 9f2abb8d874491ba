import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { API, API_KEY, json, signToken, startHarness, type Harness } from './support/harness.js';
import { assertSchema } from './support/schema.js';

const DAY = 86_400_000;

forEachDatabase('analytics: conversion value per currency', (open) => {
  let h: Harness;
  let admin: string;
  const now = Date.now();
  // A window cut at whole seconds, ten to two days back.
  const from = new Date(now - 10 * DAY - (now % 1000)).toISOString();
  const to = new Date(Date.parse(from) + 8 * DAY).toISOString();
  const at = (ms: number) => new Date(ms).toISOString();
  const dateOnly = at(now - 20 * DAY).slice(0, 10);

  before(async () => {
    h = await startHarness(await open());
    admin = await signToken('emp-ada', { admin: true });
    const { db } = h.advocacy.services;
    const share = await db.selectFrom('shares').selectAll().where('id', '=', 'shr-seed-1').executeTakeFirstOrThrow();
    const conversion = (id: string, createdAt: string, value: number, currency: string | null) => ({
      id,
      code: share.tracking_code,
      share_id: share.id,
      post_id: share.post_id,
      employee_id: share.employee_id,
      type: 'deal',
      value,
      currency,
      external_id: id,
      source: 'crm',
      request_hash: id,
      created_at: createdAt,
    });
    await db
      .insertInto('conversions')
      .values([
        conversion('cnv-jpy-first', from, 120_000, 'JPY'),
        conversion('cnv-jpy-last', to, 30_000, 'JPY'),
        conversion('cnv-usd-1', at(Date.parse(from) + 3 * DAY), 19.5, 'USD'),
        conversion('cnv-usd-2', at(Date.parse(from) + 4 * DAY), 0.25, 'USD'),
        conversion('cnv-no-currency', at(Date.parse(from) + 4 * DAY), 70, null),
        // Just outside the window, at either end.
        conversion('cnv-eur-before', at(Date.parse(from) - 1), 50, 'EUR'),
        conversion('cnv-eur-after', at(Date.parse(to) + 1), 900, 'EUR'),
        // The last instant of a day (UTC).
        conversion('cnv-gbp', `${dateOnly}T23:59:59.999Z`, 5, 'GBP'),
      ])
      .execute();
  });
  after(() => h.close());

  const summary = async (query: string) => {
    const body = await json(await h.request('GET', `${API}/admin/analytics${query}`, { token: admin }), 200);
    assertSchema('AnalyticsSummary', body);
    return body;
  };

  it('adds up each currency on its own over the same window as the other figures, biggest first', async () => {
    const result = await summary(`?from=${from}&to=${to}`);
    assert.deepEqual(result.conversionValueByCurrency, [
      { currency: 'JPY', value: 150_000 },
      { currency: 'USD', value: 19.75 },
    ]);
    // The summed figure stays for compatibility, conversions without a currency included (the
    // fixture's seeded lead of 100, two and a half days ago, is one).
    assert.equal(result.conversions, 6);
    assert.equal(result.conversionValue, 150_000 + 19.75 + 70 + 100);
  });

  it('covers the whole UTC day of a date-only window', async () => {
    const result = await summary(`?from=${dateOnly}&to=${dateOnly}`);
    assert.deepEqual(result.conversionValueByCurrency, [{ currency: 'GBP', value: 5 }]);
  });

  it('counts a conversion a company system reports, in the default window of the last 30 days', async () => {
    const { db } = h.advocacy.services;
    const share = await db.selectFrom('shares').select('tracking_code').where('id', '=', 'shr-seed-1').executeTakeFirstOrThrow();
    await json(
      await h.request('POST', `${API}/conversions`, {
        headers: { 'x-api-key': API_KEY },
        body: { code: share.tracking_code, type: 'deal', value: 10, currency: 'CHF', externalId: 'shop-1' },
      }),
      201,
    );
    const result = await summary('');
    assert.deepEqual(result.conversionValueByCurrency, [
      { currency: 'JPY', value: 150_000 },
      { currency: 'EUR', value: 950 },
      { currency: 'USD', value: 19.75 },
      { currency: 'CHF', value: 10 },
      { currency: 'GBP', value: 5 },
    ]);
  });
});
