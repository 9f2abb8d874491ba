import type { Kysely, Migration } from 'kysely';

/**
 * Pilots: the enrollment mode (one row once an admin sets it), who was invited and how they
 * answered (no row: never invited), and the program's goals.
 */
export const pilotsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('program_enrollment')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('enrollment', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('program_members')
      .addColumn('employee_id', 'text', (c) => c.primaryKey())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('invited_at', 'text')
      .addColumn('invited_via', 'text')
      .addColumn('responded_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // The member list's state filters.
    await db.schema.createIndex('program_members_state').on('program_members').columns(['state', 'employee_id']).execute();
    await db.schema
      .createTable('program_goals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('target', 'double precision', (c) => c.notNull())
      .addColumn('from_day', 'text', (c) => c.notNull())
      .addColumn('to_day', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
