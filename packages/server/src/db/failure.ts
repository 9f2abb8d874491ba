/**
 * Which driver errors mean "the database is not there for us right now" — unreachable, too slow,
 * full, read-only or busy — as opposed to a bug in a query. The app answers those with a 503
 * `database_unavailable` and Retry-After instead of a 500, and logs them once, in words.
 */

export type DatabaseFailureKind = 'unreachable' | 'timeout' | 'full' | 'read_only' | 'busy';

export interface DatabaseFailure {
  kind: DatabaseFailureKind;
  /** What the driver said, e.g. "database or disk is full". */
  cause: string;
}

/** Seconds a client should wait before trying again, by kind. */
export const RETRY_AFTER_SECONDS: Record<DatabaseFailureKind, number> = {
  unreachable: 5,
  timeout: 5,
  busy: 1,
  full: 30,
  read_only: 30,
};

/** What an API caller reads in the problem's detail (no paths or host names). */
export const FAILURE_DETAIL: Record<DatabaseFailureKind, string> = {
  unreachable: 'The database cannot be reached right now; nothing was changed. Try again shortly.',
  timeout: 'The database did not answer in time. Try again shortly; a retry with the same Idempotency-Key is safe.',
  busy: 'The database is busy; nothing was changed. Try again shortly.',
  full: 'The database has no space left to store this; nothing was changed. Try again later.',
  read_only: 'The database is read-only right now; nothing was changed. Try again later.',
};

/** Socket errors of a connection that failed or dropped. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** pg's own messages for a connection that is gone or never came. */
const PG_CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end on the pool/,
];

function postgresKind(sqlState: string): DatabaseFailureKind | null {
  if (sqlState.startsWith('08')) return 'unreachable'; // connection exception
  if (sqlState === '57P01' || sqlState === '57P02' || sqlState === '57P03') return 'unreachable'; // shutdown, crash, starting up
  if (sqlState === '53300') return 'busy'; // too many connections
  if (sqlState.startsWith('53')) return 'full'; // disk full, out of memory
  if (sqlState === '25006') return 'read_only'; // a standby, or default_transaction_read_only
  if (sqlState === '57014') return 'timeout'; // statement_timeout
  if (sqlState === '55P03' || sqlState === '40P01') return 'busy'; // lock not available, deadlock
  return null;
}

function sqliteKind(code: string): DatabaseFailureKind | null {
  if (code === 'SQLITE_FULL') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') return 'read_only';
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) return 'unreachable';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return null;
}

/** The failure an error stands for, or null when it is not the database being away. */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  const cause = error.message;
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_')) {
      const kind = sqliteKind(code);
      return kind === null ? null : { kind, cause };
    }
    if (NETWORK_CODES.has(code)) return { kind: 'unreachable', cause };
    if (/^[0-9A-Z]{5}$/.test(code)) {
      const kind = postgresKind(code);
      return kind === null ? null : { kind, cause };
    }
  }
  if (cause === 'Query read timeout') return { kind: 'timeout', cause };
  if (PG_CONNECTION_MESSAGES.some((pattern) => pattern.test(cause))) return { kind: 'unreachable', cause };
  // A click worker passes its error back by message only.
  if (/^database or disk is full/.test(cause)) return { kind: 'full', cause };
  if (/^attempt to write a readonly database/.test(cause)) return { kind: 'read_only', cause };
  // An AggregateError (several addresses refused) carries the codes in its errors.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const failure = databaseFailure(inner);
      if (failure !== null) return { kind: failure.kind, cause: cause || failure.cause };
    }
  }
  return null;
}
