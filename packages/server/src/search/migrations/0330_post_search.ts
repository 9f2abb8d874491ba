import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

/**
 * Full-text search over posts (docs/search.md): one row per post in `post_search` holding the
 * post's searchable text — title, summary and every suggested commentary, each NFKC-normalised
 * and lower-cased, one per line. The feed matches each query term as a substring of that text.
 *
 * SQLite: an FTS5 index with the trigram tokenizer (`post_search_fts`, external content kept in
 * step by triggers) narrows terms of three or more characters down before the exact test.
 * PostgreSQL: a pg_trgm GIN index serves `LIKE '%term%'`; where the extension cannot be created
 * (not installed, no privilege) the migration goes on without it and search scans the table.
 *
 * The text of existing posts is written here with this file's own copy of the rule, as it was
 * when this migration was released.
 */
export const postSearchMigration: Migration = {
  async up(db: Kysely<any>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    if (postgres) {
      await db.schema
        .createTable('post_search')
        .addColumn('post_id', 'text', (c) => c.primaryKey())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      // Migrations run in a transaction on PostgreSQL: a savepoint keeps a refused extension
      // from aborting it.
      await sql`savepoint post_search_trgm`.execute(db);
      try {
        await sql`create extension if not exists pg_trgm`.execute(db);
        await sql`create index post_search_trgm on post_search using gin (body gin_trgm_ops)`.execute(db);
        await sql`release savepoint post_search_trgm`.execute(db);
      } catch {
        await sql`rollback to savepoint post_search_trgm`.execute(db);
      }
    } else {
      // An explicit integer key: the FTS index refers to rows by it, and VACUUM keeps it.
      await sql`create table post_search (id integer primary key, post_id text not null unique, body text not null)`.execute(db);
      await sql`create virtual table post_search_fts using fts5(body, content='post_search', content_rowid='id', tokenize='trigram')`.execute(
        db,
      );
      await sql`create trigger post_search_ai after insert on post_search begin
        insert into post_search_fts(rowid, body) values (new.id, new.body);
      end`.execute(db);
      await sql`create trigger post_search_ad after delete on post_search begin
        insert into post_search_fts(post_search_fts, rowid, body) values ('delete', old.id, old.body);
      end`.execute(db);
      await sql`create trigger post_search_au after update on post_search begin
        insert into post_search_fts(post_search_fts, rowid, body) values ('delete', old.id, old.body);
        insert into post_search_fts(rowid, body) values (new.id, new.body);
      end`.execute(db);
    }
    const posts: { id: string; title: string; summary: string; suggested_commentary: string }[] = await db
      .selectFrom('posts')
      .select(['id', 'title', 'summary', 'suggested_commentary'])
      .execute();
    const normalize = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
    for (const post of posts) {
      const commentary = Object.values(JSON.parse(post.suggested_commentary) as Record<string, Record<string, string>>).flatMap(
        (byNetwork) => Object.values(byNetwork).filter((text) => typeof text === 'string'),
      );
      const body = [post.title, post.summary, ...commentary].map(normalize).join('\n');
      await db.insertInto('post_search').values({ post_id: post.id, body }).execute();
    }
  },
};
