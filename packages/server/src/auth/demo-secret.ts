import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';

/**
 * The HS256 secret of demo sign-in: generated on first start and kept in the database, so a
 * demo's tokens survive a restart and every process on the database accepts them. Demo sign-in
 * refuses a configured AUTH_JWT_SECRET, so a real secret never signs a demo token.
 */
export async function demoSecret(db: Db): Promise<string> {
  await db
    .insertInto('meta')
    .values({ key: 'demo_jwt_secret', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'demo_jwt_secret').executeTakeFirstOrThrow();
  return row.value;
}
