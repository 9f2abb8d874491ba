import type { Kysely, Migration } from 'kysely';

/**
 * The social-media policy (versions: one draft at a time, published ones never change), who
 * accepted which version, the blocked terms and the disclosure per locale; and on each employee
 * the version they accepted last.
 */
export const policyComplianceMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('policy_versions')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('texts', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text')
      .execute();
    await db.schema
      .createTable('policy_acceptances')
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('accepted_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('policy_acceptances_pk', ['employee_id', 'version'])
      .execute();
    await db.schema.alterTable('employees').addColumn('policy_version_accepted', 'integer').execute();
    await db.schema
      .createTable('blocked_terms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('term', 'text', (c) => c.notNull())
      // The term as it is compared (normalizeText): one term per locale, whatever its case or width.
      .addColumn('term_key', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('blocked_terms_locale_key', ['locale', 'term_key'])
      .execute();
    await db.schema
      .createTable('disclosures')
      .addColumn('locale', 'text', (c) => c.primaryKey())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
