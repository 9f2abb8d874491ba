import type { Kysely, Migration } from 'kysely';

/** An admin can call a contest off before it ends: `cancelled_at` is set, and employees no longer see it. */
export const contestCancellationMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('contests').addColumn('cancelled_at', 'text').execute();
  },
};
