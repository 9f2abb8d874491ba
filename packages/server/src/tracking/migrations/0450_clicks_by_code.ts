import type { Kysely, Migration } from 'kysely';

/**
 * Drops the clicks' `(share_id, created_at)` index. Every share has exactly one tracking code, so
 * the clicks of a share are the primary key's `code` prefix: queries reach them through
 * `shares.tracking_code` instead. The index cost every stored click one more randomly placed
 * b-tree page — about a third of the click writer's time.
 */
export const clicksByCodeMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.dropIndex('clicks_share').ifExists().execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.createIndex('clicks_share').ifNotExists().on('clicks').columns(['share_id', 'created_at']).execute();
  },
};
