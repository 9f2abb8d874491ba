import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The rewards catalogue and the employees' requests. A request holds its cost in the points
 * ledger (`reward_hold`, reference = request id) and one of the reward's stock until an admin
 * decides; a rejection or cancellation gives both back (`reward_release`).
 */
export const rewardsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('rewards')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // LocalizedText as JSON.
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('image_url', 'text')
      .addColumn('cost', 'integer', (c) => c.notNull())
      // Left to request; null for unlimited. Never below zero.
      .addColumn('stock', 'integer', (c) => c.check(sql`stock is null or stock >= 0`))
      .addColumn('starts_at', 'text')
      .addColumn('ends_at', 'text')
      .addColumn('team_id', 'text')
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rewards_created').on('rewards').columns(['created_at', 'id']).execute();
    await db.schema
      .createTable('reward_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reward_id', 'text', (c) => c.notNull())
      .addColumn('employee_id', 'text', (c) => c.notNull())
      // The reward's name and cost when requested: a later edit does not change a request.
      .addColumn('reward_name', 'text', (c) => c.notNull())
      .addColumn('cost', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text')
      .addColumn('fulfilled_at', 'text')
      .execute();
    await db.schema.createIndex('reward_requests_employee').on('reward_requests').columns(['employee_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('reward_requests_status').on('reward_requests').columns(['status', 'created_at', 'id']).execute();
  },
};
