import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import SQLite from 'better-sqlite3';
import { openDatabase, type Db } from '../src/db/database.js';
import { WRITE_LOCK_WAIT_MS } from '../src/db/sqlite-write-lock.js';
import { migrateToLatest } from '../src/migrations.js';

/** Resolves on the next turn of the event loop: proof that nothing holds the thread. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Another connection to the same file holds SQLite's write lock (as the click worker does while
 * it commits a batch): this process's writes wait for it without stopping the event loop, and
 * its reads go on meanwhile.
 */
describe('SQLite write lock held by another connection', () => {
  let dir: string;
  let db: Db;
  let other: SQLite.Database;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'advocacy-write-lock-'));
    const sqliteFile = join(dir, 'advocacy.sqlite');
    db = openDatabase({ databaseUrl: null, sqliteFile }).db;
    await migrateToLatest(db);
    other = new SQLite(sqliteFile);
  });
  after(async () => {
    other.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const settled = (promise: Promise<unknown>) => {
    const state = { done: false };
    promise.then(
      () => (state.done = true),
      () => (state.done = true),
    );
    return state;
  };

  it('a transaction waits for the lock while the event loop and reads go on, then commits', async () => {
    other.exec('begin immediate');
    const writing = db.transaction().execute(async (trx) => {
      await trx.insertInto('meta').values({ key: 'lock-test-1', value: 'a' }).execute();
      await trx.insertInto('meta').values({ key: 'lock-test-2', value: 'b' }).execute();
    });
    const state = settled(writing);
    for (let i = 0; i < 5; i++) await nextTurn();
    // A read on the same connection is answered while the transaction waits.
    const read = await db.selectFrom('meta').select('key').where('key', 'like', 'lock-test-%').execute();
    assert.deepEqual(read, []);
    assert.equal(state.done, false, 'the transaction waited for the lock');
    other.exec('commit');
    await writing;
    const stored = await db.selectFrom('meta').select('key').where('key', 'like', 'lock-test-%').orderBy('key').execute();
    assert.deepEqual(
      stored.map((row) => row.key),
      ['lock-test-1', 'lock-test-2'],
    );
  });

  it('a write outside a transaction waits for the lock the same way', async () => {
    other.exec('begin immediate');
    const writing = db.insertInto('meta').values({ key: 'lock-test-3', value: 'c' }).execute();
    const state = settled(writing);
    for (let i = 0; i < 5; i++) await nextTurn();
    assert.equal(state.done, false, 'the write waited for the lock');
    other.exec('commit');
    await writing;
    const stored = await db.selectFrom('meta').select('value').where('key', '=', 'lock-test-3').executeTakeFirst();
    assert.equal(stored?.value, 'c');
  });

  it('gives up with SQLITE_BUSY after the wait, changing nothing', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    try {
      other.exec('begin immediate');
      const writing = db.transaction().execute((trx) => trx.insertInto('meta').values({ key: 'lock-test-4', value: 'd' }).execute());
      const failed = assert.rejects(writing, (error: { code?: string }) => error.code === 'SQLITE_BUSY');
      const state = settled(writing);
      while (!state.done) {
        await nextTurn();
        mock.timers.tick(WRITE_LOCK_WAIT_MS / 10);
      }
      await failed;
    } finally {
      mock.timers.reset();
      other.exec('commit');
    }
    const stored = await db.selectFrom('meta').select('key').where('key', '=', 'lock-test-4').executeTakeFirst();
    assert.equal(stored, undefined);
  });
});
