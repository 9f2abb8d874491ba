import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { rebuildRollups } from '../src/analytics/rollups.js';
import { openDatabase, type Db } from '../src/db/database.js';
import { importHistory } from '../src/import/import.js';
import { migrateToLatest } from '../src/migrations.js';
import { pointsBalance } from '../src/rewards/balance.js';
import { forEachDatabase, type TestDatabase } from './support/databases.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'advocacy-server.js');
const TABLES = ['teams', 'topics', 'employees', 'posts', 'shares', 'clicks', 'conversions', 'points_ledger'] as const;
const DAY = 86_400_000;
const at = (daysAgo: number, hour = 9) => new Date(Date.UTC(2026, 10, 30) - daysAgo * DAY + hour * 3_600_000).toISOString();

/** A small history: 2 teams, 3 employees, 2 posts, 4 shares, 7 click lines (6 clicks), 2 conversions, 3 ledger rows. */
function history() {
  return {
    teams: [
      { id: 'team-sales', name: 'Sales' },
      { id: 'team-eng', name: 'Engineering', names: { en: 'Engineering', ja: 'エンジニアリング' } },
    ],
    topics: [{ id: 'product', names: { en: 'Product' } }],
    employees: [
      { id: 'emp-ann', displayName: 'Ann', teamId: 'team-sales', email: 'ann@example.com', createdAt: at(300) },
      { id: 'emp-bo', displayName: 'Bo', teamId: 'team-eng', locale: 'ja', timeZone: 'Asia/Tokyo', createdAt: at(300) },
      { id: 'emp-cy', displayName: 'Cy', teamId: 'team-eng', status: 'deactivated', createdAt: at(300), deactivatedAt: at(10) },
    ],
    posts: [
      { id: 'post-1', kind: 'owned', title: 'Launch', url: 'https://example.com/launch', topics: ['product'], publishAt: at(200) },
      { id: 'post-2', title: 'Hiring', url: 'https://example.com/jobs', publishAt: at(100) },
    ],
    shares: [
      { id: 'sh-1', employeeId: 'emp-ann', postId: 'post-1', network: 'linkedin', createdAt: at(150, 8) },
      { id: 'sh-2', employeeId: 'emp-bo', postId: 'post-1', network: 'x', commentary: 'Proud of this', createdAt: at(120, 10) },
      { id: 'sh-3', employeeId: 'emp-ann', postId: 'post-2', network: 'linkedin', trackingCode: 'AbCdEfGh12345678', createdAt: at(50, 14) },
      { id: 'sh-4', employeeId: 'emp-ann', postId: 'post-2', network: 'linkedin', createdAt: at(40, 14) },
    ],
    clicks: [
      { shareId: 'sh-1', createdAt: at(150, 9), visitor: 'v1' },
      { shareId: 'sh-1', createdAt: at(150, 11), visitor: 'v2' },
      // The same visitor on the same link and day as the first line: one click, not two.
      { shareId: 'sh-1', createdAt: at(150, 13), visitor: 'v1' },
      { shareId: 'sh-2', createdAt: at(119, 10) },
      { shareId: 'sh-3', createdAt: at(49, 15) },
      { shareId: 'sh-3', createdAt: at(48, 15) },
      { shareId: 'sh-4', createdAt: at(40, 15), visitor: 'v1' },
    ],
    conversions: [
      { id: 'cv-1', shareId: 'sh-1', type: 'lead', value: 120, currency: 'EUR', createdAt: at(149) },
      { id: 'cv-2', shareId: 'sh-3', type: 'deal', value: 5000, externalId: 'crm-77', createdAt: at(45) },
    ],
    points: [
      { id: 'pt-1', employeeId: 'emp-ann', delta: 10, reason: 'share', reference: 'old:sh-1', createdAt: at(150) },
      { id: 'pt-2', employeeId: 'emp-ann', delta: 25, createdAt: at(100), note: 'migrated balance' },
      { id: 'pt-3', employeeId: 'emp-bo', delta: 10, reason: 'share', reference: 'old:sh-2', createdAt: at(120) },
    ],
  };
}

function writeFiles(dir: string, files: Record<string, object[]>, raw: Record<string, string> = {}): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, lines] of Object.entries(files))
    writeFileSync(join(dir, `${name}.ndjson`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  for (const [name, text] of Object.entries(raw)) writeFileSync(join(dir, `${name}.ndjson`), text);
  return dir;
}

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES)
    out[table] = Number((await sql<{ n: unknown }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  return out;
}

async function rollups(db: Db): Promise<string[]> {
  const rows: string[] = [];
  for (const table of ['rollup_network', 'rollup_team', 'rollup_post'] as const)
    for (const row of await db.selectFrom(table).selectAll().execute())
      rows.push(
        JSON.stringify({
          table,
          ...row,
          shares: Number(row.shares),
          clicks: Number(row.clicks),
          conversion_value: Number(row.conversion_value),
        }),
      );
  return rows.sort();
}

async function triggers(db: Db, dialect: string): Promise<string[]> {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' order by name`.execute(db)
      : await sql<{ name: string }>`select tgname as name from pg_trigger where not tgisinternal order by tgname`.execute(db);
  return rows.map((row) => row.name);
}

forEachDatabase('import', (open) => {
  let database: TestDatabase;
  let dir: string;
  let sqliteFile: string;
  let opened: ReturnType<typeof openDatabase>;
  const run = (folder: string) => importHistory({ dir: folder, postgres: opened.dialect === 'postgres' ? opened.db : null, sqliteFile });

  before(async () => {
    database = await open();
    dir = mkdtempSync(join(tmpdir(), 'advocacy-import-'));
    sqliteFile = join(dir, 'advocacy.sqlite');
    opened = openDatabase({ databaseUrl: database.databaseUrl, sqliteFile });
    await migrateToLatest(opened.db);
    // SQLite: the import wants the file to itself (it loads with a rollback journal); reopened to check.
    if (opened.dialect === 'sqlite') await opened.db.destroy();
  });
  after(async () => {
    await opened.db.destroy();
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });
  /** The database to check, reopened on SQLite after the import closed its own handle. */
  const check = async <T>(read: (db: Db) => Promise<T>): Promise<T> => {
    if (opened.dialect === 'postgres') return read(opened.db);
    const again = openDatabase({ databaseUrl: null, sqliteFile });
    try {
      return await read(again.db);
    } finally {
      await again.db.destroy();
    }
  };

  it('a bad line names its file and line, and nothing at all is imported', async () => {
    const before = await check((db) => triggers(db, opened.dialect));
    const bad = { ...history(), clicks: [...history().clicks.slice(0, 2), { shareId: 'sh-404', createdAt: at(10) }] };
    await assert.rejects(run(writeFiles(join(dir, 'bad-reference'), bad)), { message: /^clicks\.ndjson:3: shareId "sh-404" is neither/ });
    await assert.rejects(run(writeFiles(join(dir, 'bad-json'), { teams: history().teams }, { employees: '{"id":"emp-x"\n' })), {
      message: /^employees\.ndjson:1: not valid JSON/,
    });
    await assert.rejects(
      run(writeFiles(join(dir, 'bad-field'), { ...history(), posts: [{ ...history().posts[0], url: 'javascript:alert(1)' }] })),
      { message: /^posts\.ndjson:1: "url" must be an absolute http\(s\) URL/ },
    );
    await assert.rejects(run(join(dir, 'missing')), /holds no import file/);
    assert.deepEqual(
      Object.values(await check(counts)),
      TABLES.map(() => 0),
    );
    assert.deepEqual(await check((db) => triggers(db, opened.dialect)), before, 'the rollup triggers are back as they were');
  });

  it('imports every file, with rollups equal to a rebuild and balances equal to the ledger', async () => {
    const triggersBefore = await check((db) => triggers(db, opened.dialect));
    const report = await run(writeFiles(join(dir, 'history'), history()));
    assert.deepEqual(report, {
      teams: { lines: 2, inserted: 2 },
      topics: { lines: 1, inserted: 1 },
      employees: { lines: 3, inserted: 3 },
      posts: { lines: 2, inserted: 2 },
      shares: { lines: 4, inserted: 4 },
      clicks: { lines: 7, inserted: 6 },
      conversions: { lines: 2, inserted: 2 },
      points: { lines: 3, inserted: 3 },
    });
    await check(async (db) => {
      const imported = await rollups(db);
      assert.ok(imported.some((row) => row.includes('"level":"a"') && row.includes('"post_id":"post-1"') && row.includes('"clicks":3')));
      await rebuildRollups(db);
      assert.deepEqual(await rollups(db), imported);
      assert.deepEqual(await triggers(db, opened.dialect), triggersBefore);
      assert.equal((await pointsBalance(db, 'emp-ann')).balance, 35);
      assert.equal((await pointsBalance(db, 'emp-bo')).balance, 10);
      const shares = await db
        .selectFrom('shares')
        .select(['id', 'tracking_code', 'destination', 'first_to_network'])
        .orderBy('id')
        .execute();
      assert.equal(shares.find((s) => s.id === 'sh-3')!.tracking_code, 'AbCdEfGh12345678');
      for (const share of shares) assert.match(share.tracking_code, /^[A-Za-z0-9_-]{16}$/);
      assert.match(shares[0]!.destination, /^https:\/\/example\.com\/launch\?utm_source=linkedin/);
      // sh-3 and sh-4 are the same employee, post and network: the earlier is the first.
      assert.deepEqual(
        shares.map((s) => s.first_to_network),
        [1, 1, 1, null],
      );
      const cy = await db.selectFrom('employees').selectAll().where('id', '=', 'emp-cy').executeTakeFirstOrThrow();
      assert.equal(cy.status, 'deactivated');
      const found = await db.selectFrom('post_search').select('post_id').where('body', 'like', '%hiring%').execute();
      assert.deepEqual(
        found.map((row) => row.post_id),
        ['post-2'],
      );
    });
  });

  it('importing the same files again inserts nothing and changes no figure', async () => {
    const before = await check(async (db) => ({
      counts: await counts(db),
      rollups: await rollups(db),
      ann: await pointsBalance(db, 'emp-ann'),
    }));
    const report = await run(join(dir, 'history'));
    for (const file of Object.values(report)) assert.equal(file.inserted, 0);
    const afterwards = await check(async (db) => ({
      counts: await counts(db),
      rollups: await rollups(db),
      ann: await pointsBalance(db, 'emp-ann'),
    }));
    assert.deepEqual(afterwards, before);
  });

  it('the CLI command exits 1 with the file and line of a bad line', async () => {
    const bad = writeFiles(join(dir, 'cli-bad'), { points: [{ id: 'pt-9', employeeId: 'emp-ann', delta: 1.5, createdAt: at(1) }] });
    const env = {
      ...process.env,
      DATABASE_URL: database.databaseUrl ?? '',
      DATA_DIR: dir,
      AUTH_JWT_SECRET: 'import-test-secret-0123456789abcdef',
      LOG_LEVEL: 'info',
    };
    const result = spawnSync(process.execPath, [BIN, 'import', bad], { env, encoding: 'utf8' });
    assert.equal(result.status, 1, result.stdout + result.stderr);
    assert.match(result.stderr, /Nothing was imported: points\.ndjson:1: "delta" must be an integer/);
    const usage = spawnSync(process.execPath, [BIN, 'import'], { env, encoding: 'utf8' });
    assert.equal(usage.status, 1);
    assert.match(usage.stderr, /takes one folder/);
  });
});
