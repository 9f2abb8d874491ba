import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Released migration: append-only, never edited. PostgreSQL: the day, week, month and all-time
 * rows of the team and post rollups in an index that holds their counts, so the summary reads
 * them with an index-only scan. The table itself keeps no order by bucket — a bulk load writes
 * each level's rows in the order of a hash, and live upserts move rows to wherever a page has
 * room — so a window's rows sat on as many heap pages as rows: 10,000 day rows took 10,063 page
 * reads (90 days at full scale: the post read 227 ms, 44 ms with this index). Hours are left out
 * (the summary reads only the hours at a window's ends, and they are most of the rows). The
 * summary names levels as literals, so the planner can prove `level <> 'h'`. SQLite stores the
 * rollups in primary-key order (WITHOUT ROWID) already: nothing to do there.
 */
export const rollupCoveringIndexesMigration: Migration = {
  async up(db: Kysely<any>) {
    if (db.getExecutor().adapter instanceof SqliteAdapter) return;
    for (const [table, key] of TABLES) {
      await sql
        .raw(
          `create index ${table}_cover on ${table} (level, bucket, ${key}) include (shares, clicks, conversions, conversion_value) where level <> 'h'`,
        )
        .execute(db);
    }
  },
  async down(db: Kysely<any>) {
    if (db.getExecutor().adapter instanceof SqliteAdapter) return;
    for (const [table] of TABLES) await sql.raw(`drop index if exists ${table}_cover`).execute(db);
  },
};

const TABLES = [
  ['rollup_team', 'team_id'],
  ['rollup_post', 'post_id'],
] as const;
