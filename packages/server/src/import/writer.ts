// The writer runs the import's SQL on whichever database is open: Kysely<any> as in migrations.
/* eslint-disable @typescript-eslint/no-explicit-any */
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, sql } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { TableSpec } from './files.js';

/** What the import needs of a share to count a click or a conversion on it. */
export interface ShareRef {
  code: string;
  postId: string;
  employeeId: string;
}

/**
 * One connection holding the import's one transaction, and the bulk operations it runs on it:
 * on SQLite prepared statements on the better-sqlite3 handle, on PostgreSQL `unnest` batches
 * (one statement inserts a whole batch).
 */
export interface Writer {
  dialect: Dialect;
  /** Kysely on the same connection, inside the same transaction. */
  db: Kysely<any>;
  /** Inserts rows, skipping any that collide with a stored one (ON CONFLICT DO NOTHING); the number inserted. */
  insert(spec: TableSpec, rows: unknown[][]): Promise<number>;
  /** The stored shares among `ids`. */
  shares(ids: string[]): Promise<Map<string, ShareRef>>;
  /** Every stored id of a table's `id` column, and one more column's value. */
  all(table: 'teams' | 'topics' | 'employees' | 'posts', column: string): Promise<Map<string, string>>;
}

const conflictFree = (spec: TableSpec) => spec.columns.map(([name]) => name).join(', ');

/** A SQLite writer over its own handle on `file`; `run` gets it inside a transaction it commits or rolls back. */
export async function withSqliteWriter<T>(file: string, run: (writer: Writer) => Promise<T>): Promise<T> {
  const handle = new SQLite(file);
  handle.pragma('busy_timeout = 5000');
  // A rollback journal instead of the server's WAL while loading: the WAL would hold a second
  // copy of every page written (gigabytes at full scale) until it is checkpointed. Only possible
  // while nothing else has the file open; otherwise the load goes through the WAL.
  const journal = handle.pragma('journal_mode', { simple: true }) as string;
  try {
    handle.pragma('journal_mode = DELETE');
  } catch {
    // Another connection has the file open: keep WAL.
  }
  handle.pragma('cache_size = -524288');
  handle.pragma('temp_store = MEMORY');
  // Sorts (index builds, the rollups' GROUP BYs) may use a second core.
  handle.pragma('threads = 2');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: handle }) });
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (statement === undefined) statements.set(text, (statement = handle.prepare(text)));
    return statement;
  };
  const writer: Writer = {
    dialect: 'sqlite',
    db,
    async insert(spec, rows) {
      const insert = prepared(
        `insert into ${spec.table} (${conflictFree(spec)}) values (${spec.columns.map(() => '?').join(', ')}) on conflict do nothing`,
      );
      let inserted = 0;
      for (const row of rows) inserted += insert.run(row).changes;
      return inserted;
    },
    async shares(ids) {
      const select = prepared('select tracking_code, post_id, employee_id from shares where id = ?').raw();
      const found = new Map<string, ShareRef>();
      for (const shareId of ids) {
        const row = select.get(shareId) as [string, string, string] | undefined;
        if (row !== undefined) found.set(shareId, { code: row[0], postId: row[1], employeeId: row[2] });
      }
      return found;
    },
    async all(table, column) {
      const rows = handle.prepare(`select id, ${column} from ${table}`).raw().all() as Array<[string, string]>;
      return new Map(rows);
    },
  };
  try {
    handle.exec('begin immediate');
    try {
      const result = await run(writer);
      handle.exec('commit');
      return result;
    } catch (error) {
      if (handle.inTransaction) handle.exec('rollback');
      throw error;
    }
  } finally {
    try {
      handle.pragma(`journal_mode = ${journal}`);
    } finally {
      // Closes the handle too.
      await db.destroy();
    }
  }
}

/** A PostgreSQL writer on one connection of `db`; `run` gets it inside a transaction it commits or rolls back. */
export async function withPostgresWriter<T>(pool: Kysely<any>, run: (writer: Writer) => Promise<T>): Promise<T> {
  return pool.connection().execute(async (db) => {
    const query = async <R>(text: string, parameters: unknown[] = []) => db.executeQuery<R>(CompiledQuery.raw(text, parameters));
    const writer: Writer = {
      dialect: 'postgres',
      db,
      async insert(spec, rows) {
        if (rows.length === 0) return 0;
        const columns = spec.columns.map((_, i) => rows.map((row) => row[i]));
        const casts = spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
        const result = await query(
          `insert into ${spec.table} (${conflictFree(spec)}) select * from unnest(${casts}) on conflict do nothing`,
          columns,
        );
        return Number(result.numAffectedRows ?? 0);
      },
      async shares(ids) {
        const { rows } = await query<{ id: string; tracking_code: string; post_id: string; employee_id: string }>(
          'select id, tracking_code, post_id, employee_id from shares where id = any($1::text[])',
          [ids],
        );
        return new Map(rows.map((row) => [row.id, { code: row.tracking_code, postId: row.post_id, employeeId: row.employee_id }]));
      },
      async all(table, column) {
        const { rows } = await query<{ id: string; value: string }>(`select id, ${column} as value from ${table}`);
        return new Map(rows.map((row) => [row.id, row.value]));
      },
    };
    await sql`begin`.execute(db);
    try {
      // Index builds at the end sort in memory rather than on disk.
      await sql`set local maintenance_work_mem = '512MB'`.execute(db);
      await sql`set local work_mem = '256MB'`.execute(db);
      const result = await run(writer);
      await sql`commit`.execute(db);
      return result;
    } catch (error) {
      await sql`rollback`.execute(db).catch(() => undefined);
      throw error;
    }
  });
}
