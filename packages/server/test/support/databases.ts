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
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Runs `suite` once per database. PostgreSQL comes from TEST_DATABASE_URL (each suite creates
 * and drops its own database); without it the PostgreSQL run fails, unless
 * ADVOCACY_SKIP_POSTGRES=1 says to skip it on purpose.
 */
export function forEachDatabase(title: string, suite: (open: () => Promise<TestDatabase>) => void): void {
  test.describe(`${title} [sqlite]`, () =>
    suite(async () => ({ name: 'sqlite', databaseUrl: null, sqliteFile: ':memory:', drop: async () => {} })),
  );
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
      }),
    );
  }
}
