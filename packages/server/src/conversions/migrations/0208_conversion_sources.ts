import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Released migration: append-only, never edited, never generated from live code (see
 * src/migrations.ts). Each conversion records the system that reported it (its API key's source
 * name); the external id is unique per source, (source, external_id), instead of across the
 * server, so one system can't claim another's ids. Existing rows get the source `default`, the
 * source of a plain key in ADVOCACY_API_KEYS.
 *
 * SQLite can't drop a column's UNIQUE: the table is rebuilt as its documentation describes
 * (copy, drop, rename), and its indexes and triggers (the analytics rollups') are created again
 * from the SQL text SQLite kept for them.
 */
export const conversionSourcesMigration: Migration = {
  async up(db: Kysely<any>) {
    if (!isSqlite(db)) {
      await sql`alter table conversions add column source text not null default 'default'`.execute(db);
      await sql`alter table conversions alter column source drop default`.execute(db);
      await sql`alter table conversions drop constraint conversions_external_id_key`.execute(db);
      await sql`alter table conversions add constraint conversions_source_external_id unique (source, external_id)`.execute(db);
      return;
    }
    await rebuildSqlite(
      db,
      `create table conversions_rebuilt ("id" text primary key, "code" text not null, "share_id" text not null, "post_id" text not null,
        "employee_id" text not null, "type" text not null, "value" double precision not null, "currency" text,
        "external_id" text not null, "source" text not null, "request_hash" text not null, "created_at" text not null,
        constraint conversions_source_external_id unique (source, external_id))`,
      `insert into conversions_rebuilt (id, code, share_id, post_id, employee_id, type, value, currency, external_id, source, request_hash, created_at)
        select id, code, share_id, post_id, employee_id, type, value, currency, external_id, 'default', request_hash, created_at from conversions`,
    );
  },
  // Fails while two sources hold the same external id: which one to keep is not for a migration to decide.
  async down(db: Kysely<any>) {
    if (!isSqlite(db)) {
      await sql`alter table conversions drop constraint conversions_source_external_id`.execute(db);
      await sql`alter table conversions add constraint conversions_external_id_key unique (external_id)`.execute(db);
      await sql`alter table conversions drop column source`.execute(db);
      return;
    }
    await rebuildSqlite(
      db,
      `create table conversions_rebuilt ("id" text primary key, "code" text not null, "share_id" text not null, "post_id" text not null,
        "employee_id" text not null, "type" text not null, "value" double precision not null, "currency" text,
        "external_id" text not null unique, "request_hash" text not null, "created_at" text not null)`,
      `insert into conversions_rebuilt (id, code, share_id, post_id, employee_id, type, value, currency, external_id, request_hash, created_at)
        select id, code, share_id, post_id, employee_id, type, value, currency, external_id, request_hash, created_at from conversions`,
    );
  },
};

const isSqlite = (db: Kysely<any>) => db.getExecutor().adapter instanceof SqliteAdapter;

/** Replaces `conversions` with `conversions_rebuilt` filled by `copy`, keeping its indexes and triggers. */
async function rebuildSqlite(db: Kysely<any>, create: string, copy: string): Promise<void> {
  const { rows } = await sql<{ sql: string }>`
    select sql from sqlite_master where tbl_name = 'conversions' and type in ('index', 'trigger') and sql is not null`.execute(db);
  await sql.raw(create).execute(db);
  await sql.raw(copy).execute(db);
  await sql`drop table conversions`.execute(db);
  await sql`alter table conversions_rebuilt rename to conversions`.execute(db);
  for (const { sql: statement } of rows) await sql.raw(statement).execute(db);
}
