import type { Kysely, Migration } from 'kysely';

/** One row per (employee, kind, local ISO week): a digest or reminder is queued once per week. */
export const engagementMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('engagement_sends')
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('week', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('engagement_sends_pk', ['employee_id', 'kind', 'week'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('engagement_sends').execute();
  },
};
