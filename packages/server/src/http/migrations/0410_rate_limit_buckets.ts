import type { Kysely, Migration } from 'kysely';

/**
 * Token buckets shared by every instance on one PostgreSQL database (http/rate-limit.ts): one row
 * per limit and key, the tokens left and when they were counted, in milliseconds of the
 * database's clock. SQLite keeps its buckets in memory (one process), so the table stays empty
 * there.
 */
export const rateLimitBucketsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('rate_limit_buckets')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('tokens', 'double precision', (c) => c.notNull())
      .addColumn('updated_ms', 'bigint', (c) => c.notNull())
      .addColumn('allowed', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limit_buckets_pk', ['name', 'key'])
      .execute();
  },
};
