import type { Kysely, Migration } from 'kysely';

/**
 * A reward request may carry the Idempotency-Key it was sent with: the same key from the same
 * employee answers with the request it made the first time, so a retried request holds points
 * once. Requests made before (and without a key) keep `null`, which the unique index allows many of.
 */
export const rewardRequestIdempotencyMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('reward_requests').addColumn('idempotency_key', 'text').execute();
    await db.schema
      .createIndex('reward_requests_idempotency')
      .on('reward_requests')
      .columns(['employee_id', 'idempotency_key'])
      .unique()
      .execute();
  },
};
