import { sql, type Kysely, type Migration } from 'kysely';

/**
 * SCIM 2.0 provisioning: an employee's SCIM `userName` (unique, compared case-insensitively as
 * RFC 7643 says), `externalId` and `name` parts; a team's `externalId` and when SCIM created and last changed
 * it; and the bearer tokens of the identity provider's provisioning client, kept as SHA-256
 * digests only.
 */
export const scimMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('employees').addColumn('user_name', 'text').execute();
    await db.schema.alterTable('employees').addColumn('external_id', 'text').execute();
    await db.schema.alterTable('employees').addColumn('given_name', 'text').execute();
    await db.schema.alterTable('employees').addColumn('family_name', 'text').execute();
    await sql`create unique index employees_user_name on employees (lower(user_name))`.execute(db);
    await db.schema.createIndex('employees_external_id').on('employees').column('external_id').execute();
    await db.schema.alterTable('teams').addColumn('external_id', 'text').execute();
    await db.schema.alterTable('teams').addColumn('scim_created_at', 'text').execute();
    await db.schema.alterTable('teams').addColumn('scim_updated_at', 'text').execute();
    await db.schema
      .createTable('scim_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
  },
};
