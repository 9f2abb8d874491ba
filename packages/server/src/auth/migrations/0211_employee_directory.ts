import { sql, type Kysely, type Migration } from 'kysely';

/**
 * What the employee directory needs beyond the token's first claims: an email address, a status
 * (`active` or `deactivated`; leavers keep their row so their links and history stay), when they
 * were last active and when their profile last changed.
 */
export const employeeDirectoryMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('employees').addColumn('email', 'text').execute();
    await db.schema
      .alterTable('employees')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
      .execute();
    await db.schema.alterTable('employees').addColumn('last_active_at', 'text').execute();
    await db.schema.alterTable('employees').addColumn('deactivated_at', 'text').execute();
    await db.schema.alterTable('employees').addColumn('updated_at', 'text').execute();
    await sql`update employees set updated_at = created_at`.execute(db);
    await db.schema.createIndex('employees_status').on('employees').columns(['status', 'id']).execute();
  },
};
