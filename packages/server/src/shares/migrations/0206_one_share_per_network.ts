import { sql, type Kysely, type Migration } from 'kysely';

/**
 * One share per employee, post and network: `first_to_network` is 1 on the employee's first share
 * of a post to a network (unique with the three), NULL on the repeats stored before this rule
 * (NULLs never collide); `share_repeats` keeps the Idempotency-Keys answered with an earlier share.
 * `sharer_network` is a keyed hash of the network the share was made from, to recognise the
 * sharer's own clicks.
 */
export const oneSharePerNetworkMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('shares').addColumn('sharer_network', 'text').execute();
    await db.schema.alterTable('shares').addColumn('first_to_network', 'integer').execute();
    await db.schema
      .createIndex('shares_one_per_network')
      .on('shares')
      .columns(['employee_id', 'post_id', 'network', 'first_to_network'])
      .unique()
      .execute();
    // The earliest share of each (employee, post, network) is its first (ties by id).
    await sql`
      UPDATE shares SET first_to_network = 1
      WHERE NOT EXISTS (
        SELECT 1 FROM shares AS earlier
        WHERE earlier.employee_id = shares.employee_id
          AND earlier.post_id = shares.post_id
          AND earlier.network = shares.network
          AND (earlier.created_at < shares.created_at OR (earlier.created_at = shares.created_at AND earlier.id < shares.id))
      )`.execute(db);
    await db.schema
      .createTable('share_repeats')
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('share_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('share_repeats_pk', ['employee_id', 'idempotency_key'])
      .execute();
  },
};
