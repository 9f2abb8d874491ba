import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_POINTS } from '@advocacy-kit/core/rules';
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
    const worker = workerClickStore({ databaseUrl: null, sqliteFile, salt: 'salt', points: DEFAULT_POINTS });
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
});
