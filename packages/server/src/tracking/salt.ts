import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';

/**
 * The secret salt of visitor hashes: the configured one, else one generated on first start and
 * kept in the database so every instance and restart hashes the same visitor the same way.
 */
export async function clickSalt(db: Db, configured: string | null): Promise<string> {
  if (configured !== null) return configured;
  await db
    .insertInto('meta')
    .values({ key: 'click_salt', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'click_salt').executeTakeFirstOrThrow();
  return row.value;
}
