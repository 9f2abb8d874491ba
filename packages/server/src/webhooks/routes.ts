import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { readJson } from '../http/body.js';
import { decodeCursor, toPage } from '../http/cursor.js';
import { invalid, notFound } from '../http/problem.js';
import { newId, nowIso } from '../ids.js';
import { toDelivery, toEndpoint } from './rows.js';
import { webhookDb } from './tables.js';
import { targetProblem } from './target.js';

interface EndpointCreate {
  url: string;
  events: string[];
  description?: string;
}
type EndpointUpdate = Partial<EndpointCreate> & { active?: boolean };

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

  api.get('/admin/webhooks', async (c) => {
    const rows = await db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute();
    return c.json({ items: rows.map(toEndpoint) });
  });

  api.post('/admin/webhooks', async (c) => {
    const input = s.validator.body<EndpointCreate>('adminCreateWebhook', await readJson(c));
    checkUrl(input.url);
    const now = nowIso();
    const row = {
      id: newId('whe'),
      url: input.url,
      description: input.description ?? '',
      events: JSON.stringify([...new Set(input.events)]),
      secret: `whsec_${randomBytes(32).toString('base64url')}`,
      active: 1,
      created_at: now,
      updated_at: now,
    };
    await db.insertInto('webhook_endpoints').values(row).execute();
    return c.json({ ...toEndpoint(row), secret: row.secret }, 201);
  });

  api.get('/admin/webhooks/:id', async (c) => c.json(toEndpoint(await endpoint(c.req.param('id')))));

  api.patch('/admin/webhooks/:id', async (c) => {
    const patch = s.validator.body<EndpointUpdate>('adminUpdateWebhook', await readJson(c));
    const current = await endpoint(c.req.param('id'));
    if (patch.url !== undefined) checkUrl(patch.url);
    const next = {
      ...current,
      url: patch.url ?? current.url,
      description: patch.description ?? current.description,
      events: patch.events === undefined ? current.events : JSON.stringify([...new Set(patch.events)]),
      active: patch.active === undefined ? current.active : patch.active ? 1 : 0,
      updated_at: nowIso(),
    };
    await db.updateTable('webhook_endpoints').set(next).where('id', '=', current.id).execute();
    return c.json(toEndpoint(next));
  });

  /** Removing an endpoint keeps its log; pending deliveries fail on their next attempt. */
  api.delete('/admin/webhooks/:id', async (c) => {
    const current = await endpoint(c.req.param('id'));
    await db.deleteFrom('webhook_endpoints').where('id', '=', current.id).execute();
    return c.body(null, 204);
  });

  api.get('/admin/webhooks/:id/deliveries', async (c) => {
    const query = s.validator.query<{ cursor?: string; limit: number }>('adminListWebhookDeliveries', c.req.query());
    const current = await endpoint(c.req.param('id'));
    const cursor = decodeCursor(query.cursor);
    let select = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', current.id);
    if (cursor !== null) {
      select = select.where((eb) => eb.or([eb('created_at', '<', cursor.key), eb.and([eb('created_at', '=', cursor.key), eb('id', '<', cursor.id)])]));
    }
    const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
    return c.json(toPage(rows, query.limit, toDelivery, (row) => ({ key: row.created_at, id: row.id })));
  });

  api.post('/admin/webhooks/deliveries/:id/replay', async (c) => {
    const original = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', c.req.param('id')).executeTakeFirst();
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
    await db.insertInto('webhook_deliveries').values(replay).execute();
    return c.json(toDelivery(replay), 202);
  });
}
