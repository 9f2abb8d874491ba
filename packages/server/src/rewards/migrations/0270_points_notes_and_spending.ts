import type { Kysely, Migration } from 'kysely';

/**
 * The points ledger learns to spend: `note` keeps an admin's reason for a manual grant or
 * deduction, and the two covering indexes of the leaderboards gain `reason`, so leaderboards,
 * contests and stats can leave reward holds and releases out (points spent are still points
 * earned) and still read the index alone.
 */
export const pointsNotesAndSpendingMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('points_ledger').addColumn('note', 'text').execute();
    await db.schema.dropIndex('points_period').execute();
    await db.schema.createIndex('points_period').on('points_ledger').columns(['created_at', 'employee_id', 'delta', 'reason']).execute();
    await db.schema.dropIndex('points_employee').execute();
    await db.schema.createIndex('points_employee').on('points_ledger').columns(['employee_id', 'created_at', 'delta', 'reason']).execute();
  },
};
