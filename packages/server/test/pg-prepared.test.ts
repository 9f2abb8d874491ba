import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/db/database.js';
import { openPostgres, type TestDatabase } from './support/databases.js';

// Like the PostgreSQL half of the other suites: skipped only when asked to on purpose.
const skip = !process.env.TEST_DATABASE_URL && process.env.ADVOCACY_SKIP_POSTGRES === '1' ? 'ADVOCACY_SKIP_POSTGRES=1' : false;

/** PostgreSQL alone: statements prepared once per connection (db/pg-prepared.ts). */
describe('PostgreSQL statements prepared once per connection', { skip }, () => {
  let database: TestDatabase;
  let db: Db;

  before(async () => {
    database = await openPostgres();
    // One connection: every statement below runs on the same one.
    db = openDatabase({ databaseUrl: database.databaseUrl, sqliteFile: ':memory:', databasePoolSize: 1 }).db;
    await sql`create table notes (id text primary key, body text not null)`.execute(db);
    await sql`insert into notes (id, body) values ('a', 'first'), ('b', 'second')`.execute(db);
  });
  after(async () => {
    await db.destroy();
    await database.drop();
  });

  const prepared = async () =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map((row) => row.statement);
  const read = (id: string) =>
    db
      .selectFrom('notes' as never)
      .selectAll()
      .where('id' as never, '=', id as never)
      .execute();

  it('prepares a statement from its second run on, and answers each run with its own values', async () => {
    assert.deepEqual(await read('a'), [{ id: 'a', body: 'first' }]);
    assert.ok(!(await prepared()).some((text) => text.includes('from "notes"')), 'a statement run once is not kept');
    assert.deepEqual(await read('b'), [{ id: 'b', body: 'second' }]);
    assert.deepEqual(await read('a'), [{ id: 'a', body: 'first' }]);
    assert.equal((await prepared()).filter((text) => text.includes('from "notes"')).length, 1);
  });

  it('never prepares statements other than queries and data changes', async () => {
    for (let i = 0; i < 3; i++) await sql`set local statement_timeout = 1000`.execute(db);
    assert.ok(!(await prepared()).some((text) => /^set /i.test(text)));
  });

  it('reads the new columns as soon as a migration added them', async () => {
    assert.deepEqual(await read('a'), [{ id: 'a', body: 'first' }]);
    await sql`alter table notes add column title text`.execute(db);
    for (let i = 0; i < 3; i++) assert.deepEqual(await read('a'), [{ id: 'a', body: 'first', title: null }]);
  });

  it('fails a transaction whose prepared statement changed its columns, and runs it again in the next', async () => {
    assert.deepEqual(await read('b'), [{ id: 'b', body: 'second', title: null }]);
    await sql`alter table notes add column summary text`.execute(db);
    const inTransaction = () =>
      db.transaction().execute((trx) =>
        trx
          .selectFrom('notes' as never)
          .selectAll()
          .where('id' as never, '=', 'b' as never)
          .execute(),
      );
    await assert.rejects(inTransaction(), (error: { code?: unknown }) => error.code === '0A000');
    assert.deepEqual(await inTransaction(), [{ id: 'b', body: 'second', title: null, summary: null }]);
  });
});
