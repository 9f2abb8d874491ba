import type { Kysely, Migration } from 'kysely';

/**
 * Curated sources (RSS, Atom and JSON feeds an admin adds) and the curation queue of their new
 * items. An item is known by (source, key) — its guid or id, else its link — so a feed that
 * repeats an item never queues it twice.
 */
export const curatedSourcesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('curated_sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('url', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      // JSON array of topic ids.
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('interval_minutes', 'integer', (c) => c.notNull())
      .addColumn('paused', 'integer', (c) => c.notNull())
      // Validators of the last 200 answer, sent back as If-None-Match / If-Modified-Since.
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('last_fetched_at', 'text')
      .addColumn('last_success_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('next_fetch_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('curated_sources_due').on('curated_sources').columns(['paused', 'next_fetch_at']).execute();
    await db.schema
      .createTable('curation_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source_id', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('image_url', 'text')
      .addColumn('site_name', 'text')
      .addColumn('published_at', 'text')
      .addColumn('found_at', 'text', (c) => c.notNull())
      .addColumn('post_id', 'text')
      .addUniqueConstraint('curation_items_source_key', ['source_id', 'item_key'])
      .execute();
    await db.schema.createIndex('curation_items_queue').on('curation_items').columns(['status', 'found_at', 'id']).execute();
  },
};
