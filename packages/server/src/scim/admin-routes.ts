import type { Hono } from 'hono';
import { recordAudit } from '../audit/audit.js';
import type { AppEnv, Services } from '../context.js';
import { handle } from '../http/operation.js';
import { conflict, notFound } from '../http/problem.js';
import { newId, nowIso } from '../ids.js';
import { newScimToken, tokenDigest } from './auth.js';
import { scimBaseUrl } from './routes.js';
import { scimDb, shared } from './tables.js';

/** Tokens active at once: enough to rotate without downtime, few enough to keep track of. */
export const MAX_SCIM_TOKENS = 5;

type TokenRow = { id: string; created_at: string; created_by: string; last_used_at: string | null };
const toToken = (row: TokenRow) => ({ id: row.id, createdAt: row.created_at, createdBy: row.created_by, lastUsedAt: row.last_used_at });

/**
 * Admin API of SCIM tokens: the settings to paste into the identity provider, creating a token
 * (shown once; only its digest is kept) and revoking one. Each change is audited with its admin.
 */
export function scimAdminRoutes(api: Hono<AppEnv>, s: Services): void {
  const active = () =>
    scimDb(s.db)
      .selectFrom('scim_tokens')
      .select(['id', 'created_at', 'created_by', 'last_used_at'])
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();

  handle(api, s, 'adminGetScimSettings', async (_c, { reply }) =>
    reply({
      baseUrl: scimBaseUrl(s),
      employeeId: s.config.scim.employeeId,
      subjectClaim: s.config.auth.subjectClaim,
      envToken: s.config.scim.token !== null,
      tokens: (await active()).map(toToken),
    }),
  );

  handle(api, s, 'adminCreateScimToken', async (c, { reply }) => {
    const admin = c.get('employee');
    await s.limits.writes.take(admin.id);
    const token = newScimToken();
    const row = {
      id: newId('scimtok'),
      token_hash: tokenDigest(token),
      created_at: nowIso(),
      created_by: admin.id,
      last_used_at: null,
      revoked_at: null,
    };
    await scimDb(s.db)
      .transaction()
      .execute(async (trx) => {
        const { count } = await trx
          .selectFrom('scim_tokens')
          .select((eb) => eb.fn.countAll<string | number>().as('count'))
          .where('revoked_at', 'is', null)
          .executeTakeFirstOrThrow();
        if (Number(count) >= MAX_SCIM_TOKENS) throw conflict(`${MAX_SCIM_TOKENS} SCIM tokens are active already: revoke one first.`);
        await trx.insertInto('scim_tokens').values(row).execute();
        await recordAudit(shared(trx), {
          actor: { kind: 'admin', id: admin.id },
          action: 'scim_token.create',
          target: { kind: 'scim_token', id: row.id },
          after: toToken(row),
        });
      });
    return reply({ ...toToken(row), token }, 201);
  });

  handle(api, s, 'adminRevokeScimToken', async (c, { params }) => {
    const admin = c.get('employee');
    await s.limits.writes.take(admin.id);
    await scimDb(s.db)
      .transaction()
      .execute(async (trx) => {
        const row = await trx
          .selectFrom('scim_tokens')
          .select(['id', 'created_at', 'created_by', 'last_used_at'])
          .where('id', '=', params.id)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        if (row === undefined) throw notFound('No active SCIM token with this id.');
        const now = nowIso();
        await trx.updateTable('scim_tokens').set({ revoked_at: now }).where('id', '=', row.id).execute();
        await recordAudit(shared(trx), {
          actor: { kind: 'admin', id: admin.id },
          action: 'scim_token.revoke',
          target: { kind: 'scim_token', id: row.id },
          before: toToken(row),
          after: { ...toToken(row), revokedAt: now },
        });
      });
    return c.body(null, 204);
  });
}
