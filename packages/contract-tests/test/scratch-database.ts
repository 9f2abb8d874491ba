import pg from 'pg';

export interface ScratchDatabase {
  /** Connection URL of the new, empty database. */
  url: string;
  /** Drops the database (closing any connection left to it). */
  drop(): Promise<void>;
}

/**
 * Drops the database once its last session has gone. A pool's `end()` resolves before its
 * sockets are closed; forcing the drop at once would kill those sessions and make their clients
 * throw. After five seconds the drop is forced anyway.
 */
async function dropWhenClosed(client: pg.Client, name: string): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      // 55006 object_in_use: other sessions are still connected.
      if ((error as { code?: string }).code !== '55006') throw error;
      if (Date.now() > deadline) {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Creates an empty database of its own on the server behind `serverUrl`, for one test run. */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `advocacy_contract_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((client) => dropWhenClosed(client, name)),
  };
}
