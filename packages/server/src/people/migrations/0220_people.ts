import { type Kysely, type Migration } from 'kysely';

/**
 * Topics and teams an admin can rename (a name per locale), reorder and archive, and a role an
 * admin grants in the program (`granted_role`, over the token's).
 */
export const peopleMigration: Migration = {
  async up(db: Kysely<any>) {
    for (const table of ['topics', 'teams']) {
      await db.schema
        .alterTable(table)
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable(table).addColumn('archived_at', 'text').execute();
    }
    await db.schema
      .alterTable('teams')
      .addColumn('names', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    // A team's one name becomes its English name.
    const teams = await db.selectFrom('teams').select(['id', 'name']).execute();
    for (const team of teams as Array<{ id: string; name: string }>) {
      await db
        .updateTable('teams')
        .set({ names: JSON.stringify({ en: team.name }) })
        .where('id', '=', team.id)
        .execute();
    }
    await db.schema.alterTable('employees').addColumn('granted_role', 'text').execute();
    await db.schema.createIndex('employees_directory_name').on('employees').columns(['display_name', 'id']).execute();
  },
};
