import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';

/** How long a write waits in all for SQLite's write lock before it fails with SQLITE_BUSY (503 busy). */
export const WRITE_LOCK_WAIT_MS = 5_000;

/** The pause before the next try: 1, 2, 4 then 5 ms (a click batch holds the lock a few ms). */
const pause = (attempt: number) => Math.min(2 ** attempt, 5);

const isBusy = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * SQLite's write lock, waited for without stopping the event loop. Another connection (the click
 * worker's) may hold the lock; better-sqlite3's busy_timeout would wait for it synchronously,
 * stopping every request of the process meanwhile. So the connection runs with busy_timeout 0
 * and this driver waits instead:
 *
 * - every transaction begins IMMEDIATE (takes the write lock first, so no statement inside it can
 *   find the lock taken, nor a deferred read turn into a write on an outdated snapshot); while
 *   the lock is taken it lets go of the connection, so reads and other work go on, waits a few
 *   milliseconds and tries again;
 * - a statement outside a transaction that finds the lock taken is tried again the same way (it
 *   changed nothing: SQLite runs it as its own transaction).
 *
 * After WRITE_LOCK_WAIT_MS the SQLITE_BUSY error goes to the caller, as busy_timeout did.
 */
export function waitingForWriteLock(driver: Driver): Driver {
  /**
   * Whether a transaction is open (begun, not yet committed or rolled back): a statement in it is
   * never tried again, even where SQLite itself ended the transaction on the error.
   */
  let transactionOpen = false;
  /** Runs `attempt` until it does not fail with SQLITE_BUSY, with the connection let go between tries. */
  const retrying = async <T>(attempt: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
    for (let tries = 0; ; tries++) {
      try {
        return await attempt();
      } catch (error) {
        if (!isBusy(error) || transactionOpen || Date.now() >= deadline) throw error;
      }
      // The caller holds the (only) connection: lend it to others while waiting.
      await driver.releaseConnection(connection!);
      await sleep(pause(tries));
      await driver.acquireConnection();
    }
  };
  let connection: DatabaseConnection | undefined;
  let waiting: DatabaseConnection | undefined;
  const wrap = (inner: DatabaseConnection): DatabaseConnection => {
    if (connection === inner) return waiting!;
    connection = inner;
    waiting = {
      executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> => retrying(() => inner.executeQuery<R>(query)),
      streamQuery: (query, chunkSize) => inner.streamQuery(query, chunkSize),
    };
    return waiting;
  };
  return {
    init: () => driver.init(),
    acquireConnection: async () => wrap(await driver.acquireConnection()),
    releaseConnection: () => driver.releaseConnection(connection!),
    beginTransaction: async (conn) => {
      await conn.executeQuery(CompiledQuery.raw('begin immediate'));
      transactionOpen = true;
    },
    commitTransaction: async () => {
      // A failed COMMIT leaves the transaction open: Kysely rolls it back next.
      await driver.commitTransaction(connection!);
      transactionOpen = false;
    },
    rollbackTransaction: async () => {
      transactionOpen = false;
      await driver.rollbackTransaction(connection!);
    },
    savepoint: driver.savepoint && ((_conn, name, compile) => driver.savepoint!(connection!, name, compile)),
    rollbackToSavepoint: driver.rollbackToSavepoint && ((_conn, name, compile) => driver.rollbackToSavepoint!(connection!, name, compile)),
    releaseSavepoint: driver.releaseSavepoint && ((_conn, name, compile) => driver.releaseSavepoint!(connection!, name, compile)),
    destroy: () => driver.destroy(),
  };
}
