import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import { addToRollups, bucketOf, DIMENSIONS, rebuildRollups, rollupDeltas } from '../src/analytics/rollups.js';
import type { Db } from '../src/db/database.js';
import { fixedSchedule } from '../src/point-rules/schedule.js';
import { databaseClickStore, type RawClick } from '../src/tracking/click-store.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

const HUMAN = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const TABLES = ['rollup_network', 'rollup_team', 'rollup_post'] as const;

/** Every rollup row, as comparable text. */
async function snapshot(db: Db): Promise<string[]> {
  const rows: string[] = [];
  for (const table of TABLES) {
    for (const row of await db.selectFrom(table).selectAll().execute()) {
      rows.push(JSON.stringify({ table, ...row, conversion_value: Number(row.conversion_value) }));
    }
  }
  return rows.sort();
}

/** Clicks per level of each rollup table. */
async function clicksPerLevel(db: Db): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const levels = await db
      .selectFrom(table)
      .select(['level', sql<string | number>`sum(clicks)`.as('n')])
      .groupBy('level')
      .execute();
    for (const level of levels) result[`${table} ${level.level}`] = Number(level.n);
  }
  return result;
}

const countClicks = async (db: Db) => Number((await sql<{ n: string | number }>`select count(*) as n from clicks`.execute(db)).rows[0]!.n);

it('buckets times as the SQL builders do: hours, days, ISO weeks from Monday, UTC months, all time', () => {
  assert.equal(bucketOf('h', '2026-11-29T23:59:59.999Z'), '2026-11-29T23');
  assert.equal(bucketOf('d', '2026-11-29T23:59:59.999Z'), '2026-11-29');
  assert.equal(bucketOf('w', '2026-11-29T23:59:59.999Z'), '2026-11-23'); // a Sunday: the week began on Monday
  assert.equal(bucketOf('w', '2026-11-30T00:00:00.000Z'), '2026-11-30'); // a Monday
  assert.equal(bucketOf('w', '2027-01-01T12:00:00.000Z'), '2026-12-28'); // across a year's end
  assert.equal(bucketOf('m', '2026-11-30T23:59:59.999Z'), '2026-11');
  assert.equal(bucketOf('m', '2026-12-01T00:00:00.000Z'), '2026-12');
  assert.equal(bucketOf('a', '2026-11-29T23:59:59.999Z'), '');
});

forEachDatabase('click rollups counted by the click writer', (open) => {
  let h: Harness;
  let db: Db;
  let shares: { id: string; tracking_code: string; employee_id: string; post_id: string }[];

  before(async () => {
    h = await startHarness(await open());
    db = h.advocacy.services.db;
    // Shares of two teams, several posts and networks.
    const sharers: [string, string, string][] = [
      ['emp-ann', 'p-1', 'linkedin'],
      ['emp-ann', 'p-2', 'x'],
      ['emp-bob', 'p-2', 'linkedin'],
      ['emp-bob', 'p-3', 'facebook'],
    ];
    for (const [index, [employee, postId, network]] of sharers.entries()) {
      const token = await signToken(employee);
      const headers = { 'idempotency-key': `click-rollups-${index}` };
      await json(await h.request('POST', `${API}/shares`, { token, headers, body: { postId, network, commentary: '' } }), 201);
    }
    shares = await db.selectFrom('shares').select(['id', 'tracking_code', 'employee_id', 'post_id']).orderBy('id').execute();
    assert.ok(shares.length >= 4);
  });
  after(() => h.close());

  /** A click on share `index` by visitor `visitor` at `at`. */
  const click = (index: number, visitor: number, at: string): RawClick => {
    const share = shares[index % shares.length]!;
    return {
      code: share.tracking_code,
      shareId: share.id,
      employeeId: share.employee_id,
      postId: share.post_id,
      sharerNetwork: null,
      ip: `198.51.100.${visitor}`,
      userAgent: HUMAN,
      at,
    };
  };

  it('counts only the clicks a batch inserted, not its repeats nor clicks stored before', async () => {
    const store = databaseClickStore(db, 'click-rollups-salt', () => fixedSchedule(h.config.rules));
    const before = await clicksPerLevel(db);
    const stored = await countClicks(db);
    // A Sunday night and the Monday after: two days, two ISO weeks, several hours.
    const times = ['2026-11-29T22:10:00.000Z', '2026-11-29T23:59:59.999Z', '2026-11-30T00:00:00.000Z', '2026-11-30T09:30:00.000Z'];
    const first = times.flatMap((at, i) => [click(0, i, at), click(1, i, at), click(0, i, at)]); // each (share, visitor, day) twice on share 0
    assert.equal(await store(first), 8);
    // Half of it again, and new visitors: only the new ones count.
    const second = [...first.slice(0, 6), click(0, 20, times[3]!), click(1, 21, times[0]!), click(1, 21, times[0]!)];
    assert.equal(await store(second), 2);
    assert.equal(await countClicks(db), stored + 10);
    const now = await clicksPerLevel(db);
    for (const [level, n] of Object.entries(now)) assert.equal(n - (before[level] ?? 0), 10, level);
  });

  it("awards a click's points to the share's sharer as the database has it, not as a stale cached link named them, and counts it by the share", async () => {
    const store = databaseClickStore(db, 'click-rollups-salt', () => fixedSchedule(h.config.rules));
    const at = '2026-11-04T10:00:00.000Z';
    const share = shares[2]!;
    const awards = (employeeId: string) =>
      db
        .selectFrom('points_ledger')
        .select('reference')
        .where('employee_id', '=', employeeId)
        .where('reason', '=', 'click')
        .where('created_at', '=', at)
        .execute();
    const before = await clicksPerLevel(db);
    // The link cache still names an employee who was erased (renamed) on another instance.
    const stale = { ...click(2, 40, at), employeeId: 'emp-erased-elsewhere' };
    assert.equal(await store([stale, click(2, 41, at)]), 2);
    assert.equal((await awards('emp-erased-elsewhere')).length, 0);
    assert.equal((await awards(share.employee_id)).length, 2);
    const now = await clicksPerLevel(db);
    for (const [level, n] of Object.entries(now)) assert.equal(n - (before[level] ?? 0), 2, level);
    const kept = await snapshot(db);
    await rebuildRollups(db);
    assert.deepEqual(kept, await snapshot(db));
  });

  it('leaves the rollups equal to a rebuild from the raw rows after a mixed batch', async () => {
    const store = databaseClickStore(db, 'click-rollups-salt', () => fixedSchedule(h.config.rules));
    const start = Date.parse('2026-10-01T00:00:00.000Z');
    const batch: RawClick[] = [];
    for (let i = 0; i < 300; i++) {
      // Over five weeks, on every share, with visitors who come back on the same day.
      const at = new Date(start + ((i * 7_919_000) % (35 * 86_400_000))).toISOString();
      batch.push(click(i, i % 17, at));
      if (i % 5 === 0) batch.push(click(i, i % 17, at));
    }
    const inserted = await store(batch);
    assert.ok(inserted > 0 && inserted < batch.length, `${inserted} of ${batch.length} inserted`);
    const kept = await snapshot(db);
    await rebuildRollups(db);
    assert.deepEqual(kept, await snapshot(db));
  });

  it('lets a share count itself into rows a click batch is locking, without a deadlock (PostgreSQL)', async (t) => {
    if (h.advocacy.services.dialect !== 'postgres') return t.skip('SQLite writes one transaction at a time');
    // Ann's share of p-1 to LinkedIn; Bob shares the same post to the same network meanwhile.
    const clicked = await db
      .selectFrom('shares')
      .selectAll()
      .where('employee_id', '=', 'emp-ann')
      .where('post_id', '=', 'p-1')
      .executeTakeFirstOrThrow();
    const team = (await db.selectFrom('employees').select('team_id').where('id', '=', 'emp-ann').executeTakeFirstOrThrow()).team_id;
    const at = new Date().toISOString();
    const deltas = rollupDeltas([
      { at, postId: 'p-1', network: 'linkedin', teamId: team, shares: 0, clicks: 1, conversions: 0, conversionValue: 0 },
    ]);
    let sharing: Promise<Response> | undefined;
    // A click batch as the click writer stores it: the click, then its rollup rows table by table.
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('clicks')
        .values({
          code: clicked.tracking_code,
          day: at.slice(0, 10),
          visitor_hash: 'lock-order-visitor',
          share_id: clicked.id,
          created_at: at,
        })
        .execute();
      await addToRollups(trx, new Map([[DIMENSIONS.network, deltas.get(DIMENSIONS.network)!]]));
      // The share's trigger now waits for the network rows this transaction holds…
      sharing = h.request('POST', `${API}/shares`, {
        token: await signToken('emp-bob'),
        headers: { 'idempotency-key': 'click-rollups-lock-order' },
        body: { postId: 'p-1', network: 'linkedin', commentary: '' },
      });
      for (;;) {
        const { rows } = await sql<{ n: string | number }>`
          select count(*) as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock' and query like '%insert into shares%'`.execute(
          db,
        );
        if (Number(rows[0]!.n) > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      // …holding none of the others: the batch takes the team and post rows (the post's all-time row too) and commits.
      await addToRollups(trx, new Map([...deltas].filter(([dimension]) => dimension !== DIMENSIONS.network)));
    });
    await json(await sharing!, 201);
    const kept = await snapshot(db);
    await rebuildRollups(db);
    assert.deepEqual(kept, await snapshot(db));
  });
});
