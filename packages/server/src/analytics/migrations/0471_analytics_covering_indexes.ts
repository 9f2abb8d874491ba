import { type Kysely, type Migration } from 'kysely';

/**
 * Released migration: append-only, never edited. Two time indexes the analytics summary reads
 * now also hold what it reads from them, so the rows behind them need no lookup:
 *
 * - `clicks (created_at, share_id)` replaces `clicks (created_at)`: the clicks at a window's two
 *   partial ends are joined to their shares, and each lookup of a click row was a random read in
 *   the largest table (on PostgreSQL an index-only scan, once the table is vacuumed);
 * - `conversions (created_at, currency, value)` replaces `conversions (created_at)`: the window's
 *   conversion value per currency.
 *
 * Every query that used the old indexes uses the new ones by their first column.
 */
export const analyticsCoveringIndexesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('clicks_created_share').on('clicks').columns(['created_at', 'share_id']).execute();
    await db.schema.dropIndex('clicks_created').execute();
    await db.schema.createIndex('conversions_created_value').on('conversions').columns(['created_at', 'currency', 'value']).execute();
    await db.schema.dropIndex('conversions_created').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.createIndex('clicks_created').on('clicks').column('created_at').execute();
    await db.schema.dropIndex('clicks_created_share').execute();
    await db.schema.createIndex('conversions_created').on('conversions').column('created_at').execute();
    await db.schema.dropIndex('conversions_created_value').execute();
  },
};
