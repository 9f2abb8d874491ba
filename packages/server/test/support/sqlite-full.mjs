// Test preload (`node --import`) for the disk-full fault test: while the file named by
// ADVOCACY_TEST_SQLITE_FULL exists, every SQLite connection of the process (its worker threads
// too) runs with `max_page_count = 1`, so any write that needs a new page fails with SQLite's own
// SQLITE_FULL ("database or disk is full"), as on a full disk; once the file is gone, the limit
// is lifted again.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

const flag = process.env.ADVOCACY_TEST_SQLITE_FULL;
const prepare = Database.prototype.prepare;
const limits = new WeakMap();

Database.prototype.prepare = function (source, ...rest) {
  if (flag) {
    const full = existsSync(flag);
    if (limits.get(this) !== full) {
      limits.set(this, full);
      prepare.call(this, `pragma max_page_count = ${full ? 1 : 1073741823}`).get();
    }
  }
  return prepare.call(this, source, ...rest);
};
