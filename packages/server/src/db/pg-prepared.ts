import type pg from 'pg';

/** Most statements given a name (prepared on each connection that runs them). */
export const PREPARED_STATEMENTS = 500;
/** Most statement texts remembered as seen once (forgotten all at once when full). */
const SEEN_ONCE = 5_000;

/** Statements worth preparing: queries and data changes, not BEGIN, COMMIT, SET or DDL. */
const PREPARABLE = /^\s*(?:select|insert|update|delete|with)\b/i;

/** PostgreSQL's answer when a statement's result columns changed since it was prepared (a migration). */
const RESULT_TYPE_CHANGED = '0A000';

/**
 * PostgreSQL: the statements the application runs again and again are prepared once per
 * connection and then only bound and executed, as `preparedOnce` does for SQLite. Kysely sends
 * every statement unnamed, so PostgreSQL parsed, analysed and planned each one on every run:
 * under mixed traffic planning alone took more server time than executing (1.4 s against 1.5 s,
 * the share statement's triggers apart), for lookups by primary key that run in 0.05 ms.
 *
 * A statement text gets a name the second time it is run (one-off statements such as migrations
 * never do), at most PREPARED_STATEMENTS of them (later ones stay unnamed). The values are still
 * parameters: the text is the statement. PostgreSQL plans a prepared statement again by itself
 * after a schema change, except one whose result columns changed (a migration run by another
 * instance added a column to a table read with `*`): that run fails with 0A000, the text gets a
 * new name, and the statement is prepared and run again under it — unless it ran inside a
 * transaction, which has failed by then and ends with that error for its caller to retry.
 */
export function preparingStatements(pool: pg.Pool, capacity = PREPARED_STATEMENTS): void {
  const names = new Map<string, string>();
  const seen = new Set<string>();
  let next = 0;
  const newName = () => `advocacy_${(next++).toString(36)}`;
  const nameOf = (text: string): string | undefined => {
    const name = names.get(text);
    if (name !== undefined || names.size >= capacity || !PREPARABLE.test(text)) return name;
    if (!seen.has(text)) {
      if (seen.size >= SEEN_ONCE) seen.clear();
      seen.add(text);
      return undefined;
    }
    seen.delete(text);
    const named = newName();
    names.set(text, named);
    return named;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // Kysely calls query(text, values) and awaits the promise; anything else goes through as it came.
    client.query = ((...args: unknown[]) => {
      const [text, values] = args;
      if (args.length !== 2 || typeof text !== 'string' || !Array.isArray(values)) return query(...args);
      const name = nameOf(text);
      if (name === undefined) return query(...args);
      return (query({ name, text, values }) as Promise<unknown>).catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== RESULT_TYPE_CHANGED) throw error;
        // Prepared again under a new name, here and on every connection that runs it next.
        const renamed = names.get(text) === name ? newName() : names.get(text);
        if (renamed === undefined) throw error;
        names.set(text, renamed);
        // Alone in its implicit transaction, the statement did nothing: run it again. In a
        // transaction, the transaction has failed and its caller sees the error.
        if (client.getTransactionStatus() !== 'I') throw error;
        return query({ name: renamed, text, values });
      });
    }) as typeof client.query;
  });
}
