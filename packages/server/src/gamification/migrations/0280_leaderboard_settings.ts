import type { Kysely, Migration } from 'kysely';

/**
 * The anonymous leaderboard: one program-wide settings row (absent means named, top 10) and an
 * employee's opt-in to be named on it (`show_on_leaderboard`, off until they opt in).
 */
export const leaderboardSettingsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('employee_preferences')
      .addColumn('show_on_leaderboard', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('leaderboard_settings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('anonymous', 'integer', (c) => c.notNull())
      .addColumn('top', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
