import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import { searchDocument, searchTerms, type Searchable } from '@advocacy-kit/core/rules';
import type { Db, Dialect } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** The trigram tokenizer needs this many characters to match; shorter terms use the exact test alone. */
const TRIGRAM = 3;

/** Rewrites a post's searchable text (`post_search`); call in the transaction that writes the post. */
export async function indexPost(db: Db, postId: string, post: Searchable): Promise<void> {
  await db.deleteFrom('post_search').where('post_id', '=', postId).execute();
  await db
    .insertInto('post_search')
    .values({ post_id: postId, body: searchDocument(post) })
    .execute();
}

/**
 * Keeps the posts whose searchable text contains every term of `query` (the rule of
 * `@advocacy-kit/core/rules` search): null when the query has no terms. The substring test is
 * exact on both databases; the trigram indexes only narrow the rows it runs on.
 */
export function matchingSearch(
  dialect: Dialect,
  query: string | undefined,
): ((eb: ExpressionBuilder<Database, 'posts'>) => Expression<SqlBool>) | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  if (dialect === 'postgres') {
    // LIKE escapes with a backslash by default; pg_trgm's GIN index serves '%…%'.
    const likes = terms.map((term) => sql`post_search.body like ${`%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    return () => sql<SqlBool>`posts.id in (select post_search.post_id from post_search where ${sql.join(likes, sql` and `)})`;
  }
  const exact = sql.join(
    terms.map((term) => sql`instr(post_search.body, ${term}) > 0`),
    sql` and `,
  );
  const indexed = terms.filter((term) => [...term].length >= TRIGRAM);
  if (indexed.length === 0) {
    return () => sql<SqlBool>`posts.id in (select post_search.post_id from post_search where ${exact})`;
  }
  // An FTS5 phrase per term (double quotes doubled); the phrases are ANDed.
  const match = indexed.map((term) => `"${term.replace(/"/g, '""')}"`).join(' ');
  return () =>
    sql<SqlBool>`posts.id in (select post_search.post_id from post_search where post_search.id in (select rowid from post_search_fts where post_search_fts match ${match}) and ${exact})`;
}
