import type { Kysely, Migration } from 'kysely';

/** Badges, contests with their frozen results, and employee preferences. */
export const gamificationMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('employee_badges')
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('badge_id', 'text', (c) => c.notNull())
      .addColumn('awarded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('employee_badges_pk', ['employee_id', 'badge_id'])
      .execute();
    await db.schema
      .createTable('contests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('prize', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text')
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('finalized_at', 'text')
      .execute();
    await db.schema.createIndex('contests_ends').on('contests').columns(['ends_at', 'starts_at']).execute();
    await db.schema
      .createTable('contest_results')
      .addColumn('contest_id', 'text', (c) => c.notNull())
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addColumn('points', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('contest_results_pk', ['contest_id', 'employee_id'])
      .execute();
    await db.schema.createIndex('contest_results_rank').on('contest_results').columns(['contest_id', 'rank', 'employee_id']).execute();
    await db.schema
      .createTable('employee_preferences')
      .addColumn('employee_id', 'text', (c) => c.primaryKey())
      .addColumn('digest', 'integer', (c) => c.notNull())
      .addColumn('nudges', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    for (const table of ['employee_preferences', 'contest_results', 'contests', 'employee_badges'])
      await db.schema.dropTable(table).execute();
  },
};
