import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { handle } from '../http/operation.js';
import { newestFirst, toPage } from '../http/cursor.js';
import { invalid, notFound } from '../http/problem.js';
import { newId, nowIso } from '../ids.js';
import { toDelivery, toEndpoint } from './rows.js';
import { webhookDb } from './tables.js';
import { targetProblem } from './target.js';
import { recordAudit, type AuditEntry } from '../audit/audit.js';

type AuditChange = Omit<AuditEntry, 'actor'>;

/**
 * Admin API of webhooks: endpoints (CRUD; the signing secret is shown once, on creation), the
 * delivery log of an endpoint, and replaying a logged delivery (a new delivery of the same
 * event, so receivers that dedupe on the event id still can).
 */
export function webhookRoutes(api: Hono<AppEnv>, s: Services): void {
  const db = webhookDb(s.db);
  const policy = { allowHttp: s.config.webhooks.allowHttp, allowPrivate: s.config.webhooks.allowPrivateTargets };
  const checkUrl = (url: string) => {
    const problem = targetProblem(url, policy);
    if (problem !== null) throw invalid(422, `The webhook URL ${problem}.`, [{ field: 'url', message: problem, code: 'invalid_target' }]);
  };
  const endpoint = async (id: string) => {
    const row = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('No webhook endpoint with this id.');
    return row;
  };

  /** Runs a change and its audit entry (the endpoint as the API shows it: never its secret) in one transaction. */
  const audited = <T>(adminId: string, change: (trx: ReturnType<typeof webhookDb>) => Promise<{ result: T; entry: AuditChange }>) =>
    s.db.transaction().execute(async (trx) => {
      const { result, entry } = await change(webhookDb(trx));
      await recordAudit(trx, { actor: { kind: 'admin', id: adminId }, ...entry });
      return result;
    });

  handle(api, s, 'adminListWebhooks', async (_c, { reply }) => {
    const rows = await db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute();
    return reply({ items: rows.map(toEndpoint) });
  });

  handle(api, s, 'adminCreateWebhook', async (c, { body: input, reply }) => {
    checkUrl(input.url);
    const now = nowIso();
    const row = {
      id: newId('whe'),
      url: input.url,
      description: input.description ?? '',
      events: JSON.stringify([...new Set(input.events)]),
      // Standard Webhooks: the key is the 32 random bytes, given as standard base64.
      secret: `whsec_${randomBytes(32).toString('base64')}`,
      active: 1,
      created_at: now,
      updated_at: now,
    };
    await audited(c.get('employee').id, async (trx) => {
      await trx.insertInto('webhook_endpoints').values(row).execute();
      return { result: null, entry: { action: 'webhook.create', target: { kind: 'webhook', id: row.id }, after: toEndpoint(row) } };
    });
    return reply({ ...toEndpoint(row), secret: row.secret });
  });

  handle(api, s, 'adminGetWebhook', async (_c, { params, reply }) => reply(toEndpoint(await endpoint(params.id))));

  handle(api, s, 'adminUpdateWebhook', async (c, { params, body: patch, reply }) => {
    const current = await endpoint(params.id);
    if (patch.url !== undefined) checkUrl(patch.url);
    const next = {
      ...current,
      url: patch.url ?? current.url,
      description: patch.description ?? current.description,
      events: patch.events === undefined ? current.events : JSON.stringify([...new Set(patch.events)]),
      active: patch.active === undefined ? current.active : patch.active ? 1 : 0,
      updated_at: nowIso(),
    };
    await audited(c.get('employee').id, async (trx) => {
      await trx.updateTable('webhook_endpoints').set(next).where('id', '=', current.id).execute();
      const entry = {
        action: 'webhook.update',
        target: { kind: 'webhook', id: current.id },
        before: toEndpoint(current),
        after: toEndpoint(next),
      };
      return { result: null, entry };
    });
    return reply(toEndpoint(next));
  });

  /** Removing an endpoint keeps its log; pending deliveries fail on their next attempt. */
  handle(api, s, 'adminDeleteWebhook', async (c, { params }) => {
    const current = await endpoint(params.id);
    await audited(c.get('employee').id, async (trx) => {
      await trx.deleteFrom('webhook_endpoints').where('id', '=', current.id).execute();
      return {
        result: null,
        entry: { action: 'webhook.delete', target: { kind: 'webhook', id: current.id }, before: toEndpoint(current) },
      };
    });
    return c.body(null, 204);
  });

  handle(api, s, 'adminListWebhookDeliveries', async (_c, { params, query, reply }) => {
    const current = await endpoint(params.id);
    const select = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', current.id);
    const rows = await newestFirst(select, query, 'created_at', 'id');
    return reply(toPage(rows, query.limit, toDelivery, (row) => ({ key: row.created_at, id: row.id })));
  });

  handle(api, s, 'adminReplayWebhookDelivery', async (c, { params, reply }) => {
    const original = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', params.id).executeTakeFirst();
    if (original === undefined) throw notFound('No webhook delivery with this id.');
    await endpoint(original.endpoint_id);
    const now = nowIso();
    const replay = {
      ...original,
      id: newId('whd'),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      locked_until: null,
      response_status: null,
      response_body: null,
      error: null,
      replay_of: original.id,
      created_at: now,
      updated_at: now,
      delivered_at: null,
    };
    await audited(c.get('employee').id, async (trx) => {
      await trx.insertInto('webhook_deliveries').values(replay).execute();
      const entry = {
        action: 'webhook.replay',
        target: { kind: 'webhook_delivery', id: original.id },
        after: {
          id: replay.id,
          endpointId: replay.endpoint_id,
          eventId: replay.event_id,
          eventType: replay.event_type,
          replayOf: original.id,
        },
      };
      return { result: null, entry };
    });
    return reply(toDelivery(replay));
  });
}
