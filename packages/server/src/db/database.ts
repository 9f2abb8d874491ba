import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Dialect as KyselyDialect, type Driver } from 'kysely';
import pg from 'pg';
import { preparingStatements } from './pg-prepared.js';
import type { Database } from './schema.js';
import { waitingForWriteLock } from './sqlite-write-lock.js';
import type { WriteWatch } from './write-watch.js';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  db: Db;
  dialect: Dialect;
  /** Where the data lives, for messages: the SQLite file, or PostgreSQL's host, port and database (never the password). */
  location: string;
}

/** How long a caller waits on the database before it gives up (PostgreSQL). */
export interface DatabaseTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** One statement; the server cancels it (statement_timeout) and the client stops waiting a second later. */
  statementMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 5_000, statementMs: 15_000 };

/** Default of DATABASE_POOL_SIZE: PostgreSQL connections for requests and background work, per instance. */
export const DEFAULT_DATABASE_POOL_SIZE = 10;

export interface OpenOptions {
  databaseUrl: string | null;
  sqliteFile: string;
  databaseTimeouts?: DatabaseTimeouts;
  /** PostgreSQL: most connections open at once (DEFAULT_DATABASE_POOL_SIZE). */
  databasePoolSize?: number;
  /**
   * Called when PostgreSQL ends a connection that no query was waiting on (a restart, a failover,
   * `pg_terminate_backend`). The pool drops that connection and opens a new one when next needed.
   */
  onConnectionError?: (error: Error) => void;
  /** Told about every write its tables' readers care about (auth/sign-ins.ts). */
  writeWatch?: WriteWatch;
}

/** Opens PostgreSQL when a URL is given, else the SQLite file (created with its folder). */
export function openDatabase(options: OpenOptions): OpenedDatabase {
  const timeouts = options.databaseTimeouts ?? DEFAULT_DATABASE_TIMEOUTS;
  if (options.databaseUrl !== null) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.databasePoolSize ?? DEFAULT_DATABASE_POOL_SIZE,
      connectionTimeoutMillis: timeouts.connectMs,
      // 0 turns both off. The client's own limit covers a server that stopped answering at all
      // (statement_timeout runs on the server).
      ...(timeouts.statementMs > 0 && { statement_timeout: timeouts.statementMs, query_timeout: timeouts.statementMs + 1_000 }),
      keepAlive: true,
    });
    // Without these listeners a connection ended by the server is an unhandled 'error' event
    // and the process exits: idle connections report through the pool, checked-out ones
    // through their client.
    const onError = (error: Error) => options.onConnectionError?.(error);
    pool.on('error', onError);
    pool.on('connect', (client) => client.on('error', onError));
    preparingStatements(pool);
    const watch = options.writeWatch;
    const dialect = keepingTheCause(
      new PostgresDialect({ pool }),
      () => true,
      (driver) => (watch === undefined ? driver : watch.wrap(driver)),
    );
    return { db: new Kysely<Database>({ dialect }), dialect: 'postgres', location: postgresLocation(options.databaseUrl) };
  }
  const file = options.sqliteFile;
  let sqlite: SQLite.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    // Never wait for the write lock here: that wait would stop the event loop (see waitingForWriteLock).
    sqlite.pragma('busy_timeout = 0');
    // A checkpoint runs in the commit that finds the WAL over this many pages, and stops the
    // thread that commits while it copies and syncs them. The click worker's connection (its own
    // thread) checkpoints at 10,000 pages; a connection that also serves requests only at twice
    // that, for when no clicks are written. With SQLite's default (1,000) the request thread ran
    // nearly every checkpoint, and a commit cost ~1 ms instead of ~0.1 under mixed load.
    sqlite.pragma(`wal_autocheckpoint = ${REQUEST_THREAD_CHECKPOINT_PAGES}`);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot open the SQLite database ${file}: ${cause}. Check that ${dirname(file)} exists, is writable by this user and has free space (or set DATA_DIR).`,
      { cause: error },
    );
  }
  // SQLite ends the transaction itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY…);
  // Kysely's ROLLBACK then fails with "no transaction is active" and would hide the real error.
  const watch = options.writeWatch;
  const dialect = keepingTheCause(
    new SqliteDialect({ database: preparedOnce(sqlite) }),
    () => !sqlite.inTransaction,
    // The watch sees the writes the lock waiter lets through.
    (driver) => (watch === undefined ? waitingForWriteLock(driver) : watch.wrap(waitingForWriteLock(driver))),
  );
  return { db: new Kysely<Database>({ dialect }), dialect: 'sqlite', location: file };
}

/** The WAL size (pages) at which a commit on this connection checkpoints (see openDatabase). */
const REQUEST_THREAD_CHECKPOINT_PAGES = 20_000;

/** How many prepared statements an SQLite connection keeps (least recently used dropped first). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite connection as Kysely's driver sees it, with each statement prepared once: the driver
 * prepares the SQL of every query it runs, and parsing and planning cost as much as running the
 * indexed lookups most requests make. Statements are kept by their SQL text (the values are
 * parameters), at most STATEMENT_CACHE_SIZE of them; one still being iterated is not handed out
 * again. SQLite prepares a kept statement again by itself after a schema change.
 */
function preparedOnce(sqlite: SQLite.Database): SQLite.Database {
  const statements = new Map<string, SQLite.Statement>();
  const prepare = (source: string): SQLite.Statement => {
    const kept = statements.get(source);
    if (kept !== undefined && !kept.busy) {
      // Most recently used last: a Map iterates in insertion order.
      statements.delete(source);
      statements.set(source, kept);
      return kept;
    }
    const statement = sqlite.prepare(source);
    if (kept === undefined) {
      statements.set(source, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get: (target, property) => {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      // Native methods need the real connection as `this`.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The dialect with a ROLLBACK after a failed transaction that does not replace the error that
 * made it fail: when the rollback itself fails and `skippable()` says nothing is left to roll
 * back, Kysely rethrows the original error instead. `wrap` adds to the driver (on SQLite, the
 * wait for the write lock).
 */
function keepingTheCause(
  dialect: KyselyDialect,
  skippable: () => boolean,
  wrap: (driver: Driver) => Driver = (driver) => driver,
): KyselyDialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver: () => {
      const driver = dialect.createDriver();
      const rollback = driver.rollbackTransaction.bind(driver);
      driver.rollbackTransaction = async (connection) => {
        try {
          await rollback(connection);
        } catch (error) {
          if (!skippable()) throw error;
        }
      };
      return wrap(driver);
    },
  };
}

function postgresLocation(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgresql://${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgresql';
  }
}
