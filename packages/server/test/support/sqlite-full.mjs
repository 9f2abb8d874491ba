// Test preload (`node --import`) for the disk-full fault test: while the file named by
// ADVOCACY_TEST_SQLITE_FULL exists, every SQLite connection of the process (its worker threads
// too) runs with `max_page_count = 1`, so any write that needs a new page fails with SQLite's own
// SQLITE_FULL ("database or disk is full"), as on a full disk; once the file is gone, the limit
// is lifted again — checked whenever a statement is prepared or run.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

const flag = process.env.ADVOCACY_TEST_SQLITE_FULL;
const prepare = Database.prototype.prepare;
const limits = new WeakMap();

/** Sets the connection's page limit to match the flag file, once per change. */
function sync(db) {
  if (!flag) return;
  const full = existsSync(flag);
  if (limits.get(db) === full) return;
  limits.set(db, full);
  prepare.call(db, `pragma max_page_count = ${full ? 1 : 1073741823}`).get();
}

Database.prototype.prepare = function (source, ...rest) {
  sync(this);
  return prepare.call(this, source, ...rest);
};

// The server prepares each statement once and runs it many times (its statement cache), so the
// limit follows the flag on every run of a statement too, not only when one is prepared.
const probe = new Database(':memory:');
const Statement = Object.getPrototypeOf(probe.prepare('select 1'));
probe.close();
for (const method of ['run', 'get', 'all', 'iterate']) {
  const original = Statement[method];
  Statement[method] = function (...args) {
    sync(this.database);
    return original.apply(this, args);
  };
}
