import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_POINTS, DEFAULT_RULES, mergeRules } from '@advocacy-kit/core/rules';
import { openDatabase, type Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/migrations.js';
// The worker runs compiled code: scripts/run-tests.mjs builds before testing.
import { CLICK_WORKER_AVAILABLE, workerClickStore } from '../dist/tracking/worker-click-store.js';

describe('click worker (SQLite file)', () => {
  let dir: string;
  let db: Db;
  let sqliteFile: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'advocacy-worker-'));
    sqliteFile = join(dir, 'advocacy.sqlite');
    db = openDatabase({ databaseUrl: null, sqliteFile }).db;
    await migrateToLatest(db);
  });
  after(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores unique clicks and their capped points through its own connection', async () => {
    assert.equal(CLICK_WORKER_AVAILABLE, true);
    const schedule = { defaults: mergeRules(DEFAULT_RULES), versions: [] };
    const worker = workerClickStore({ databaseUrl: null, sqliteFile, salt: 'salt', schedule: async () => schedule });
    const at = new Date().toISOString();
    const click = (ip: string) => ({
      code: 'AbCdEfGhIjKlMnOp',
      shareId: 'shr-1',
      employeeId: 'emp-1',
      postId: 'post-1',
      sharerNetwork: null,
      ip,
      userAgent: 'Mozilla/5.0',
      at,
    });
    assert.equal(await worker.store([click('1.1.1.1'), click('1.1.1.1'), click('2.2.2.2')]), 2);
    assert.equal(await worker.store([click('2.2.2.2')]), 0);
    assert.equal(await worker.store(Array.from({ length: 20 }, (_, i) => click(`10.0.0.${i}`))), 20);
    await worker.close();

    const clicks = await db.selectFrom('clicks').select('visitor_hash').execute();
    assert.equal(clicks.length, 22);
    assert.ok(clicks.every((row) => !row.visitor_hash.includes('1.1.1.1')));
    const points = await db.selectFrom('points_ledger').select(['delta', 'reference']).where('reason', '=', 'click').execute();
    assert.equal(points.length, 10);
    assert.equal(
      points.reduce((sum, row) => sum + row.delta, 0),
      DEFAULT_POINTS.clickDailyCapPerPost,
    );
  });

  it('awards each click by the point rules in effect at its time, and follows a change posted before the next batch', async () => {
    const t0 = Date.parse('2026-11-02T10:00:00.000Z');
    const iso = (ms: number) => new Date(ms).toISOString();
    let schedule = { defaults: mergeRules(DEFAULT_RULES), versions: [] as Array<{ id: string; rules: object; effectiveFrom: string }> };
    const worker = workerClickStore({ databaseUrl: null, sqliteFile, salt: 'salt', schedule: async () => schedule });
    const click = (ip: string, at: number) => ({
      code: 'ZyXwVuTsRqPoNmLk',
      shareId: 'shr-2',
      employeeId: 'emp-2',
      postId: 'post-2',
      sharerNetwork: null,
      ip,
      userAgent: 'Mozilla/5.0',
      at: iso(at),
    });
    assert.equal(await worker.store([click('3.3.3.1', t0)]), 1);
    // An admin's version: 7 a click from t0 + 1 h. Clicks before it keep the defaults.
    schedule = { ...schedule, versions: [{ id: 'prv_1', rules: { points: { click: 7 } }, effectiveFrom: iso(t0 + 3_600_000) }] };
    assert.equal(
      await worker.store([click('3.3.3.2', t0 + 60_000), click('3.3.3.3', t0 + 3_600_000), click('3.3.3.4', t0 + 7_200_000)]),
      3,
    );
    await worker.close();
    const deltas = await db
      .selectFrom('points_ledger')
      .select('delta')
      .where('reason', '=', 'click')
      .where('employee_id', '=', 'emp-2')
      .orderBy('created_at')
      .execute();
    assert.deepEqual(
      deltas.map((row) => row.delta),
      [DEFAULT_POINTS.click, DEFAULT_POINTS.click, 7, 7],
    );
  });
});
