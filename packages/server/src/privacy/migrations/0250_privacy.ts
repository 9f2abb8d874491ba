import type { Kysely, Migration } from 'kysely';

/**
 * Privacy: admin-editable settings (the click retention) and the erasure register. An erasure row
 * keeps a keyed hash of the erased person's original id (never the id itself), so erasing them
 * again answers with the same pseudonym.
 */
export const privacyMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('privacy_settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('erasures')
      .addColumn('subject_hash', 'text', (c) => c.primaryKey())
      .addColumn('pseudonym', 'text', (c) => c.notNull().unique())
      .addColumn('erased_at', 'text', (c) => c.notNull())
      .execute();
  },
};
