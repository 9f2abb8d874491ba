import type { Kysely, Migration } from 'kysely';

/** One row per announced fact (`post.published:<id>`, `click.milestone:<share>:<n>`), so each is announced once (../announcements.ts). */
export const announcementsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('engagement_announcements')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('engagement_announcements').execute();
  },
};
