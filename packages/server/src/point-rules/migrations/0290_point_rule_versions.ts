import type { Kysely, Migration } from 'kysely';

/**
 * Versions of the point rules an admin set: each one applies over the server's defaults (from its
 * configuration) from `effective_from` until the next one. Past versions are history; a future
 * one may still be edited or deleted.
 */
export const pointRuleVersionsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('point_rule_versions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('rules', 'text', (col) => col.notNull())
      .addColumn('effective_from', 'text', (col) => col.notNull())
      .addColumn('note', 'text')
      .addColumn('created_by', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('point_rule_versions_effective')
      .on('point_rule_versions')
      .columns(['effective_from', 'created_at'])
      .execute();
  },
};
