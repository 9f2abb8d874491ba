import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DEFAULT_RULES, mergeRules } from '@advocacy-kit/core/rules';
import type { Db } from '../src/db/database.js';
import { PointRulesCache, type RulesSchedule } from '../src/point-rules/schedule.js';
import { databaseClickStore } from '../src/tracking/click-store.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';
import { assertSchema } from './support/schema.js';

const HOUR = 3_600_000;

forEachDatabase('point rules as admin settings', (open) => {
  let h: Harness;
  let ann: string; // employee
  let ada: string; // admin
  let key = 0;

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    ada = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  const share = async (token: string, postId: string, network: string): Promise<number> =>
    (
      await json(
        await h.request('POST', `${API}/shares`, {
          token,
          headers: { 'idempotency-key': `rules-${++key}`, 'x-forwarded-for': '198.51.100.1' },
          body: { postId, network, commentary: '' },
        }),
        201,
      )
    ).pointsAwarded;
  const create = (body: object, token = ada) => h.request('POST', `${API}/admin/points/rules`, { token, body });
  const list = async () => json(await h.request('GET', `${API}/admin/points/rules`, { token: ada }), 200);
  const audit = async (id: string) =>
    (await json(await h.request('GET', `${API}/admin/audit?targetId=${id}`, { token: ada }), 200)).items.map(
      (entry: { action: string }) => entry.action,
    );

  it('tells employees the point values in effect: a share to LinkedIn 10, a copied link 2, each unique click 5', async () => {
    const values = await json(await h.request('GET', `${API}/points/values`, { token: ann }), 200);
    assertSchema('EffectivePointValues', values);
    assert.deepEqual(
      [values.shareByNetwork.linkedin, values.shareByNetwork.copy, values.shareByNetwork.email, values.points.click, values.effectiveFrom],
      [10, 2, 2, 5, null],
    );
    assert.equal(values.networkWeights.x, 1);
  });

  it('awards the next share by a version effective now, and lists it as current with the defaults', async () => {
    const created = await json(await create({ rules: { points: { share: 20 }, networkWeights: { copy: 0.5 } }, note: 'Spring push' }), 201);
    assertSchema('PointRulesVersion', created);
    assert.deepEqual([created.status, created.createdBy, created.note], ['current', 'emp-ada', 'Spring push']);
    assert.equal(await share(ann, 'p-1', 'linkedin'), 20);
    assert.equal(await share(ann, 'p-1', 'copy'), 10);
    const listed = await list();
    assertSchema('PointRulesVersionList', listed);
    assert.equal(listed.items[0].id, created.id);
    assert.deepEqual([listed.defaults.points.share, listed.effective.points.share, listed.effective.networkWeights.copy], [10, 20, 0.5]);
    const values = await json(await h.request('GET', `${API}/points/values`, { token: ann }), 200);
    assert.deepEqual([values.shareByNetwork.linkedin, values.shareByNetwork.copy, values.effectiveFrom], [20, 10, created.effectiveFrom]);
    assert.deepEqual(await audit(created.id), ['points_rules.create']);
  });

  it('awards clicks by the version in effect at the click', async () => {
    await json(await create({ rules: { points: { click: 9 } } }), 201);
    const code = (
      await json(
        await h.request('POST', `${API}/shares`, {
          token: ann,
          headers: { 'idempotency-key': `rules-${++key}`, 'x-forwarded-for': '198.51.100.1' },
          body: { postId: 'p-1', network: 'facebook', commentary: '' },
        }),
        201,
      )
    ).trackingCode;
    const visit = await h.request('GET', `/r/${code}`, {
      headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0', 'x-forwarded-for': '203.0.113.77' },
    });
    assert.equal(visit.status, 302);
    await h.advocacy.flush();
    const clicks = await h.advocacy.services.db
      .selectFrom('points_ledger')
      .select('delta')
      .where('employee_id', '=', 'emp-ann')
      .where('reason', '=', 'click')
      .execute();
    assert.deepEqual(
      clicks.map((row) => row.delta),
      [9],
    );
  });

  it('keeps a future version scheduled: no effect until its time, editable and deletable, each change audited', async () => {
    const before = (await list()).effective;
    const later = new Date(Date.now() + 2 * HOUR).toISOString();
    const scheduled = await json(await create({ rules: { points: { share: 1 } }, effectiveFrom: later }), 201);
    assert.deepEqual([scheduled.status, scheduled.effectiveFrom], ['scheduled', later]);
    assert.equal(await share(ann, 'p-1', 'x'), before.points.share, 'the current rules still apply');
    const edited = await json(
      await h.request('PATCH', `${API}/admin/points/rules/${scheduled.id}`, {
        token: ada,
        body: { rules: { points: { share: 3 } }, note: 'Later' },
      }),
      200,
    );
    assert.deepEqual([edited.rules, edited.note, edited.status], [{ points: { share: 3 } }, 'Later', 'scheduled']);
    assert.equal((await h.request('DELETE', `${API}/admin/points/rules/${scheduled.id}`, { token: ada })).status, 204);
    assert.ok(!(await list()).items.some((item: { id: string }) => item.id === scheduled.id));
    assert.deepEqual(await audit(scheduled.id), ['points_rules.delete', 'points_rules.update', 'points_rules.create'], 'newest first');
  });

  it('refuses to change a version that took effect (409), and one effective in the past (422 on effectiveFrom)', async () => {
    const current = (await list()).items.find((item: { status: string }) => item.status === 'current');
    const patched = await json(
      await h.request('PATCH', `${API}/admin/points/rules/${current.id}`, { token: ada, body: { note: 'x' } }),
      409,
    );
    assert.equal(patched.type, 'https://advocacy-kit.dev/problems/conflict');
    await json(await h.request('DELETE', `${API}/admin/points/rules/${current.id}`, { token: ada }), 409);
    const past = await json(await create({ rules: {}, effectiveFrom: new Date(Date.now() - 24 * HOUR).toISOString() }), 422);
    assert.deepEqual(
      past.errors.map((e: { field: string }) => e.field),
      ['effectiveFrom'],
    );
    await json(await h.request('PATCH', `${API}/admin/points/rules/prv_nope`, { token: ada, body: { note: 'x' } }), 404);
  });

  it('an empty version brings the defaults back', async () => {
    await json(await create({ rules: {} }), 201);
    const values = await json(await h.request('GET', `${API}/points/values`, { token: ann }), 200);
    assert.deepEqual([values.shareByNetwork.linkedin, values.points.click], [10, 5]);
  });
});

forEachDatabase('the point rules cache', (open) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(await open());
  });
  after(() => h.close());

  it('reads the versions once, again after invalidate() or once the refresh time passed, and serves future versions at their time', async () => {
    const { db } = h.advocacy.services;
    let now = 0;
    let reads = 0;
    const counted = {
      selectFrom: ((table: 'point_rule_versions') => {
        reads++;
        return db.selectFrom(table);
      }) as Db['selectFrom'],
    } as Db;
    const cache = new PointRulesCache(counted, mergeRules(DEFAULT_RULES), 10_000, () => now);
    const insert = (id: string, share: number, effectiveFrom: string) =>
      db
        .insertInto('point_rule_versions')
        .values({
          id,
          rules: JSON.stringify({ points: { share } }),
          effective_from: effectiveFrom,
          note: null,
          created_by: 'emp-ada',
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })
        .execute();
    await insert('prv_a', 7, '2026-01-01T00:00:00.000Z');
    await insert('prv_b', 8, '2026-02-01T00:00:00.000Z');
    assert.equal((await cache.at('2025-12-31T00:00:00.000Z')).points.share, DEFAULT_RULES.points.share);
    assert.equal((await cache.at('2026-01-15T00:00:00.000Z')).points.share, 7);
    assert.equal((await cache.at('2026-02-01T00:00:00.000Z')).points.share, 8);
    assert.equal(reads, 1, 'one read for every award until something changes');
    const first = await cache.schedule();
    await insert('prv_c', 9, '2026-03-01T00:00:00.000Z');
    assert.equal((await cache.at('2026-03-02T00:00:00.000Z')).points.share, 8, 'not seen before the refresh');
    now = 10_000;
    assert.equal((await cache.at('2026-03-02T00:00:00.000Z')).points.share, 9, 'seen once the refresh time passed');
    assert.equal(reads, 2);
    now = 20_000;
    assert.equal(await cache.schedule(), await cache.schedule(), 'an unchanged read keeps the same schedule');
    assert.notEqual(first, await cache.schedule());
    await db.deleteFrom('point_rule_versions').where('id', '=', 'prv_c').execute();
    cache.invalidate();
    assert.equal((await cache.at('2026-03-02T00:00:00.000Z')).points.share, 8, 'read again after invalidate()');
  });
});

forEachDatabase('click awards by the point rules in effect', (open) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(await open());
  });
  after(() => h.close());

  it('lets a pair capped for the day earn again once a version raises the cap', async () => {
    const { db } = h.advocacy.services;
    const defaults = mergeRules(DEFAULT_RULES, { points: { click: 5, clickDailyCapPerPost: 10 } });
    let schedule: RulesSchedule = { defaults, versions: [] };
    const store = databaseClickStore(db, 'cap-test-salt', () => schedule);
    const at = '2026-11-02T10:00:00.000Z';
    const click = (ip: string, time = at) => ({
      code: 'CapTestCode00001',
      shareId: 'shr-cap',
      employeeId: 'emp-cap',
      postId: 'post-cap',
      sharerNetwork: null,
      ip,
      userAgent: 'Mozilla/5.0',
      at: time,
    });
    const earned = async () =>
      (
        await db.selectFrom('points_ledger').select('delta').where('employee_id', '=', 'emp-cap').where('reason', '=', 'click').execute()
      ).map((row) => row.delta);
    await store([click('198.51.100.1'), click('198.51.100.2'), click('198.51.100.3')]);
    assert.deepEqual(await earned(), [5, 5], 'two clicks reach the cap of 10');
    schedule = {
      defaults,
      versions: [{ id: 'prv_cap', rules: { points: { clickDailyCapPerPost: 20 } }, effectiveFrom: '2026-11-02T11:00:00.000Z' }],
    };
    await store([click('198.51.100.4', '2026-11-02T10:30:00.000Z')]);
    assert.deepEqual(await earned(), [5, 5], 'a click before the new cap takes effect earns nothing');
    await store([click('198.51.100.5', '2026-11-02T11:30:00.000Z'), click('198.51.100.6', '2026-11-02T11:31:00.000Z')]);
    assert.deepEqual(await earned(), [5, 5, 5, 5], 'the raised cap lets two more clicks earn');
  });
});
