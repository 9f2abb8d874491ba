import type { DatabaseConnection, Driver } from 'kysely';

/**
 * Counts writes to some tables made through this process's database connections, so an
 * in-memory copy of what they hold can tell it may be stale: read `version` before reading the
 * tables, keep it with the copy, and trust the copy only while `version` is unchanged.
 *
 * The version moves when such a write starts, and again when the connection that made it is
 * released (after its transaction committed or rolled back; Kysely releases a connection only
 * then), so a copy read while the write was still uncommitted — on PostgreSQL another
 * connection sees the old row until the commit — is never trusted afterwards. A write is
 * recognised by its SQL (`insert into`, `update`, `delete from`, `replace into` naming a watched
 * table, raw SQL included): a false alarm only costs a read.
 */
export class WriteWatch {
  private count = 0;
  private readonly writing = new WeakSet<DatabaseConnection>();
  private readonly pattern: RegExp;

  constructor(
    tables: readonly string[],
    /** Writes that leave the copies right (e.g. a timestamp nobody caches), by their exact SQL. */
    private readonly ignored: (sql: string) => boolean = () => false,
  ) {
    this.pattern = new RegExp(
      `\\b(?:insert\\s+(?:or\\s+\\w+\\s+)?into|replace\\s+into|update|delete\\s+from)\\s+"?(?:${tables.join('|')})"?(?![\\w"])`,
      'i',
    );
  }

  /** Moves whenever a watched table may have changed. */
  get version(): number {
    return this.count;
  }

  /** Whether `sql` writes a watched table. */
  writes(sql: string): boolean {
    return this.pattern.test(sql) && !this.ignored(sql);
  }

  /** The driver, telling this watch about the writes it runs. */
  wrap(driver: Driver): Driver {
    const acquireConnection = driver.acquireConnection.bind(driver);
    const releaseConnection = driver.releaseConnection.bind(driver);
    driver.acquireConnection = async () => {
      const connection = await acquireConnection();
      // Kysely runs every query through the connection it acquired (a driver hands out the same
      // object for the same underlying connection): wrap its executeQuery once.
      if (!WATCHED.has(connection)) {
        WATCHED.add(connection);
        const run = connection.executeQuery.bind(connection);
        connection.executeQuery = (query) => {
          if (this.writes(query.sql)) {
            this.writing.add(connection);
            this.count++;
          }
          return run(query);
        };
      }
      return connection;
    };
    driver.releaseConnection = async (connection) => {
      try {
        await releaseConnection(connection);
      } finally {
        if (this.writing.delete(connection)) this.count++;
      }
    };
    return driver;
  }
}

const WATCHED = new WeakSet<DatabaseConnection>();
