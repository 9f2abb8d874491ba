import type { Kysely, Migration } from 'kysely';

/**
 * Indexes that make the leaderboards' directory check (points/boards.ts) two index reads: the
 * latest change to any employee (a leaver, a team move) and to any preference (an opt-in).
 */
export const leaderboardDirectoryStampMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('employees_updated_at').on('employees').column('updated_at').execute();
    await db.schema.createIndex('employee_preferences_updated_at').on('employee_preferences').column('updated_at').execute();
  },
};
