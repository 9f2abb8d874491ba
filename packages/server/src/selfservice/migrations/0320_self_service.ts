import type { Kysely, Migration } from 'kysely';

/**
 * Self-service: an employee's shares list their conversions (by share), and a language or time
 * zone the employee chose is kept over what sign-in says (`locale_chosen`, `time_zone_chosen`).
 */
export const selfServiceMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('conversions_share').on('conversions').columns(['share_id']).execute();
    await db.schema
      .alterTable('employees')
      .addColumn('locale_chosen', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('employees')
      .addColumn('time_zone_chosen', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};
