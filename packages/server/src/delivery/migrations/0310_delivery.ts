import type { Kysely, Migration } from 'kysely';

/**
 * Delivery of digests, reminders and invitations by email, Teams and Slack: the admin's settings
 * (one row) and the outbox, which is also the delivery log. Each message to each recipient and
 * channel is one row with a unique key (kind, recipient, period, channel), so a restart or a second
 * scheduler never queues it twice.
 */
export const deliveryMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('delivery_settings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('smtp_host', 'text')
      .addColumn('smtp_port', 'integer', (c) => c.notNull())
      .addColumn('smtp_security', 'text', (c) => c.notNull())
      .addColumn('smtp_user', 'text')
      .addColumn('smtp_password', 'text')
      .addColumn('from_address', 'text')
      .addColumn('reply_to', 'text')
      .addColumn('teams_url', 'text')
      .addColumn('slack_url', 'text')
      .addColumn('routes', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('delivery_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('employee_id', 'text')
      .addColumn('recipient', 'text')
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('delivered_at', 'text')
      .execute();
    await db.schema.createIndex('delivery_outbox_due').on('delivery_outbox').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('delivery_outbox_created').on('delivery_outbox').columns(['created_at', 'id']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('delivery_outbox').execute();
    await db.schema.dropTable('delivery_settings').execute();
  },
};
