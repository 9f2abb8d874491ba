/**
 * Fault test of the click retention: it deletes old raw clicks in small batches while the
 * redirect keeps answering and storing new ones. Every click answered during the deletion is
 * stored, every old one is gone, and the rollups' totals never moved.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { databaseClickStore, type RawClick } from '../src/tracking/click-store.js';
import { fixedSchedule } from '../src/point-rules/schedule.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

const DAY = 86_400_000;
const OLD_CLICKS = 1500;
const NEW_CLICKS = 200;
const HUMAN = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

forEachDatabase('fault: click retention while clicks arrive', (open) => {
  let h: Harness;
  let codes: string[];

  before(async () => {
    h = await startHarness(await open(), { privacy: { retentionIntervalMs: 0, retentionBatchSize: 40 } });
    const { db } = h.advocacy.services;
    for (const [index, employee] of ['emp-ann', 'emp-bob'].entries()) {
      const token = await signToken(employee);
      await json(await h.request('POST', `${API}/me/policy-acceptance`, { token }), 200);
      for (const network of ['linkedin', 'x']) {
        await json(
          await h.request('POST', `${API}/shares`, {
            token,
            headers: { 'idempotency-key': `retention-${index}-${network}` },
            body: { postId: 'p-2', network, commentary: '' },
          }),
          201,
        );
      }
    }
    const shares = await db.selectFrom('shares').select(['id', 'tracking_code', 'employee_id', 'post_id']).execute();
    codes = shares.map((share) => share.tracking_code);
    // Old clicks, 20 to 40 days ago, through the click flush's own store.
    const store = databaseClickStore(db, h.advocacy.services.clickSalt, () => fixedSchedule(h.config.rules));
    const batch: RawClick[] = [];
    for (let i = 0; i < OLD_CLICKS; i++) {
      const share = shares[i % shares.length]!;
      batch.push({
        code: share.tracking_code,
        shareId: share.id,
        employeeId: share.employee_id,
        postId: share.post_id,
        sharerNetwork: null,
        ip: `10.${(i >> 8) & 255}.${i & 255}.7`,
        userAgent: HUMAN,
        at: new Date(Date.now() - (20 + (i % 20)) * DAY).toISOString(),
      });
    }
    assert.equal(await store(batch), OLD_CLICKS);
  });
  after(() => h.close());

  it('loses no click that arrives while old ones are deleted in batches, and the rollups stay whole', async () => {
    const { db } = h.advocacy.services;
    const rollupClicks = async () =>
      Number((await sql<{ n: string | number }>`select sum(clicks) as n from rollup_post where level = 'a'`.execute(db)).rows[0]!.n);
    const totalBefore = await rollupClicks();
    const admin = await signToken('emp-ada', { admin: true });
    await json(await h.request('PUT', `${API}/admin/privacy/settings`, { token: admin, body: { clickRetentionDays: 7 } }), 200);
    const started = new Date().toISOString();

    let answered = 0;
    const visits = (async () => {
      for (let i = 0; i < NEW_CLICKS; i++) {
        const response = await h.request('GET', `/r/${codes[i % codes.length]}`, {
          headers: { 'user-agent': HUMAN, 'x-forwarded-for': `192.0.2.${i}` },
        });
        if (response.status === 302) answered++;
        // Let the deletion's batches and the click flush interleave with the redirects.
        if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const [deleted] = await Promise.all([h.advocacy.services.retention.run(new Date()), visits]);
    await h.advocacy.flush();

    assert.equal(deleted, OLD_CLICKS, 'every old click was deleted');
    assert.equal(answered, NEW_CLICKS);
    const kept = await db.selectFrom('clicks').select(['created_at']).execute();
    assert.equal(kept.filter((row) => row.created_at >= started).length, NEW_CLICKS, 'every answered click is stored');
    assert.equal(kept.length, NEW_CLICKS + 3, 'only the new clicks and the fixture’s recent ones are left');
    assert.equal(await rollupClicks(), totalBefore + NEW_CLICKS, 'the rollups kept the deleted clicks and counted the new ones');
  });
});
