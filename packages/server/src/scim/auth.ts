import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bearerToken } from '../auth/middleware.js';
import type { AppEnv, Services } from '../context.js';
import { nowIso } from '../ids.js';
import { scimDb } from './tables.js';
import { ScimError } from './errors.js';

/** A new SCIM token: `scim_` and 256 random bits, shown to the admin once. */
export const newScimToken = (): string => `scim_${randomBytes(32).toString('base64url')}`;

/** What the database keeps of a token: its SHA-256 (the token has 256 random bits, so no slow hash is needed). */
export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** How often a token's `last_used_at` is written, at most. */
const LAST_USED_RESOLUTION_MS = 60_000;

const refused = (detail: string) => new ScimError(401, detail, undefined, { 'WWW-Authenticate': 'Bearer realm="SCIM"' });

/**
 * Which token the SCIM client sent: the id of an unrevoked token created by an admin, `env` for
 * SCIM_TOKEN, or null. Every candidate is compared, in constant time, whichever matches.
 */
export async function scimTokenOf(s: Services, token: string): Promise<string | null> {
  const wanted = Buffer.from(tokenDigest(token), 'hex');
  let found: string | null = null;
  if (s.config.scim.token !== null && timingSafeEqual(Buffer.from(tokenDigest(s.config.scim.token), 'hex'), wanted)) found = 'env';
  const rows = await scimDb(s.db)
    .selectFrom('scim_tokens')
    .select(['id', 'token_hash', 'last_used_at'])
    .where('revoked_at', 'is', null)
    .execute();
  for (const row of rows) {
    if (timingSafeEqual(Buffer.from(row.token_hash, 'hex'), wanted)) found = row.id;
  }
  const used = rows.find((row) => row.id === found);
  if (used !== undefined && (used.last_used_at === null || Date.parse(used.last_used_at) < Date.now() - LAST_USED_RESOLUTION_MS)) {
    await scimDb(s.db).updateTable('scim_tokens').set({ last_used_at: nowIso() }).where('id', '=', used.id).execute();
  }
  return found;
}

/**
 * Every SCIM request carries a SCIM token as its bearer token: not an employee's token, not an
 * API key. Without a token configured, SCIM answers 401 to everyone.
 */
export function requireScimToken(s: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (token === null) throw refused('Send the SCIM token an admin created as Authorization: Bearer <token>.');
    if (token.length > 512 || (await scimTokenOf(s, token)) === null) {
      throw refused('The SCIM token is not valid: it may have been revoked; create one in the admin UI.');
    }
    await next();
  };
}
