// A scratch PostgreSQL database for a benchmark, made on the server at `url` and dropped after.
import pg from 'pg';

/** Creates `<prefix>_<pid>_<time>` on the server at `url`; `drop()` removes it (and its sessions). */
export async function scratchDatabase(url, prefix) {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
