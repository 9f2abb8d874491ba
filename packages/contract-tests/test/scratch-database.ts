import pg from 'pg';

export interface ScratchDatabase {
  /** Connection URL of the new, empty database. */
  url: string;
  /** Drops the database (closing any connection left to it). */
  drop(): Promise<void>;
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
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
