import type { Kysely, Migration } from 'kysely';

/** A contest's title, description and prize per locale, as JSON (`{}` for contests made before). */
export const contestTranslationsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable('contests')
      .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
  },
};
