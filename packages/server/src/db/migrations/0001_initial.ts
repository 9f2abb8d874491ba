import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

/** Whether a migration runs on SQLite (for the few places where the dialects differ). */
const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * Released migration: append-only, never edited, never generated from live code (see
 * src/migrations.ts). The initial schema: employees, teams, topics, posts, shares, clicks,
 * conversions, the points ledger, suggestions and events. Only portable column types are used
 * (text, integer, double precision), so the same steps run on SQLite and PostgreSQL; where the
 * dialects differ (storage options), the step checks `isSqlite`.
 */
export const initialMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('employees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('avatar_url', 'text')
      .addColumn('policy_accepted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('employees_team').on('employees').columns(['team_id', 'id']).execute();
    await db.schema
      .createTable('topics')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('names', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('posts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('image_url', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('suggested_commentary', 'text', (c) => c.notNull())
      .addColumn('hashtags', 'text', (c) => c.notNull())
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('audience_teams', 'text', (c) => c.notNull())
      .addColumn('audience_roles', 'text', (c) => c.notNull())
      .addColumn('networks', 'text', (c) => c.notNull())
      .addColumn('publish_at', 'text', (c) => c.notNull())
      .addColumn('expire_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('posts_feed').on('posts').columns(['status', 'publish_at', 'id']).execute();
    await db.schema.createIndex('posts_created').on('posts').columns(['created_at', 'id']).execute();
    await db.schema
      .createTable('post_topics')
      .addColumn('post_id', 'text', (c) => c.notNull())
      .addColumn('topic_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('post_topics_pk', ['post_id', 'topic_id'])
      .execute();
    await db.schema.createIndex('post_topics_topic').on('post_topics').columns(['topic_id', 'post_id']).execute();
    await db.schema
      .createTable('post_audience')
      .addColumn('post_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('post_audience_pk', ['post_id', 'kind', 'value'])
      .execute();
    await db.schema
      .createTable('shares')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('post_id', 'text', (c) => c.notNull())
      .addColumn('network', 'text', (c) => c.notNull())
      .addColumn('commentary', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
      .addColumn('destination', 'text', (c) => c.notNull())
      .addColumn('points_awarded', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('shares_idempotency').on('shares').columns(['employee_id', 'idempotency_key']).unique().execute();
    await db.schema.createIndex('shares_employee').on('shares').columns(['employee_id', 'created_at', 'id']).execute();
    await db.schema.createIndex('shares_created').on('shares').columns(['created_at']).execute();
    // One row per unique human click: the primary key is the per-visitor-per-day dedup. On
    // SQLite the table is stored in that key's order (WITHOUT ROWID): one b-tree less to
    // update per click.
    await db.schema
      .createTable('clicks')
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('visitor_hash', 'text', (c) => c.notNull())
      .addColumn('share_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('clicks_pk', ['code', 'day', 'visitor_hash'])
      .$call((builder) => (isSqlite(db) ? builder.modifyEnd(sql`without rowid`) : builder))
      .execute();
    await db.schema.createIndex('clicks_share').on('clicks').columns(['share_id', 'created_at']).execute();
    await db.schema.createIndex('clicks_created').on('clicks').columns(['created_at']).execute();
    await db.schema
      .createTable('conversions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('share_id', 'text', (c) => c.notNull())
      .addColumn('post_id', 'text', (c) => c.notNull())
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('value', 'double precision', (c) => c.notNull())
      .addColumn('currency', 'text')
      .addColumn('external_id', 'text', (c) => c.notNull().unique())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('conversions_employee').on('conversions').columns(['employee_id', 'created_at']).execute();
    await db.schema.createIndex('conversions_created').on('conversions').columns(['created_at']).execute();
    // Append-only; (reason, reference) is awarded once, whatever retries happen.
    await db.schema
      .createTable('points_ledger')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('delta', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('points_once', ['reason', 'reference'])
      .execute();
    // Covering index for the leaderboard aggregate: period filter, group key and summed value.
    await db.schema.createIndex('points_period').on('points_ledger').columns(['created_at', 'employee_id', 'delta']).execute();
    // Covering too: the all-time aggregate reads it in employee order, without a sort.
    await db.schema.createIndex('points_employee').on('points_ledger').columns(['employee_id', 'created_at', 'delta']).execute();
    await db.schema
      .createTable('suggestions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('review_reason', 'text')
      .addColumn('post_id', 'text')
      .addColumn('idempotency_key', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('reviewed_at', 'text')
      .execute();
    await db.schema.createIndex('suggestions_idempotency').on('suggestions').columns(['employee_id', 'idempotency_key']).unique().execute();
    await db.schema.createIndex('suggestions_status').on('suggestions').columns(['status', 'created_at', 'id']).execute();
    await db.schema
      .createTable('events')
      .addColumn('employee_id', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('post_id', 'text')
      .addColumn('network', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('events_pk', ['employee_id', 'id'])
      .execute();
    await db.schema.createIndex('events_at').on('events').columns(['at']).execute();
  },
  async down(db: Kysely<any>) {
    for (const table of [
      'events',
      'suggestions',
      'points_ledger',
      'conversions',
      'clicks',
      'shares',
      'post_audience',
      'post_topics',
      'posts',
      'topics',
      'employees',
      'teams',
      'meta',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
