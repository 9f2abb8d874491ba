import { randomBytes } from 'node:crypto';
import test from 'node:test';
import pg from 'pg';

/** A database for one suite: SQLite in memory, or a fresh PostgreSQL database dropped afterwards. */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  databaseUrl: string | null;
  sqliteFile: string;
  drop(): Promise<void>;
}

const SESSION_WAIT_MS = 5_000;

/**
 * Waits until no session is connected to `database`. A pool's `end()` resolves before the server
 * has closed its backends; dropping WITH (FORCE) then would terminate sessions that are still
 * winding down, and their "terminating connection" error surfaces in whatever test runs next.
 */
async function sessionsGone(client: pg.Client, database: string): Promise<void> {
  const deadline = Date.now() + SESSION_WAIT_MS;
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [database]);
    if (Number(rows[0]?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freshPostgres(adminUrl: string): Promise<TestDatabase> {
  const name = `adv_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    databaseUrl: url.toString(),
    sqliteFile: ':memory:',
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await sessionsGone(client, name);
        // FORCE only matters when sessions outlived the wait; by then they are stuck, not in use.
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Runs `suite` once per database. PostgreSQL comes from TEST_DATABASE_URL (each suite creates
 * and drops its own database); without it the PostgreSQL run fails, unless
 * ADVOCACY_SKIP_POSTGRES=1 says to skip it on purpose. ADVOCACY_SKIP_SQLITE=1 skips the SQLite
 * run (the test command does, when its Node 24 run tests SQLite).
 */
export function forEachDatabase(title: string, suite: (open: () => Promise<TestDatabase>) => void): void {
  if (process.env.ADVOCACY_SKIP_SQLITE === '1') {
    // The test command's Node 24 run covers SQLite; this run covers PostgreSQL.
    test.describe(`${title} [sqlite]`, () => test.it('skipped: ADVOCACY_SKIP_SQLITE=1', { skip: true }, () => {}));
  } else {
    test.describe(`${title} [sqlite]`, () =>
      suite(async () => ({ name: 'sqlite', databaseUrl: null, sqliteFile: ':memory:', drop: async () => {} })));
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    test.describe(`${title} [postgres]`, () => suite(() => freshPostgres(adminUrl)));
  } else if (process.env.ADVOCACY_SKIP_POSTGRES === '1') {
    test.describe(`${title} [postgres]`, () => test.it('skipped: ADVOCACY_SKIP_POSTGRES=1', { skip: true }, () => {}));
  } else {
    test.describe(`${title} [postgres]`, () =>
      test.it('needs TEST_DATABASE_URL', () => {
        throw new Error(
          'TEST_DATABASE_URL is not set: point it at a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:54329/postgres), or set ADVOCACY_SKIP_POSTGRES=1 to skip the PostgreSQL run.',
        );
      }));
  }
}

/**
 * A fresh PostgreSQL database for a suite that is about PostgreSQL alone (several processes on
 * one database), from TEST_DATABASE_URL; it fails saying what to set when that is missing.
 */
export async function openPostgres(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    throw new Error('TEST_DATABASE_URL is not set: point it at a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:54329/postgres).');
  }
  return freshPostgres(adminUrl);
}
