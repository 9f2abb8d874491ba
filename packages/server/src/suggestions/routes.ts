import type { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { toSuggestion } from '../db/rows.js';
import { handle } from '../http/operation.js';
import { newestFirst, toPage } from '../http/cursor.js';
import { conflict } from '../http/problem.js';
import { newId, nowIso } from '../ids.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';

export function suggestionRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'createSuggestion', async (c, { body: input, idempotencyKey: key, reply }) => {
    const me = c.get('employee');
    await s.limits.writes.take(me.id);
    const row = {
      id: newId('sug'),
      employee_id: me.id,
      url: input.url,
      note: input.note,
      topics: JSON.stringify(input.topics),
      status: 'pending',
      review_reason: null,
      post_id: null,
      idempotency_key: key,
      created_at: nowIso(),
      reviewed_at: null,
    };
    const inserted = await s.db
      .insertInto('suggestions')
      .values(row)
      .onConflict((oc) => oc.columns(['employee_id', 'idempotency_key']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted !== undefined) {
      await enqueueWebhookEvent(s.db, 'suggestion.created', toSuggestion(inserted), inserted.created_at);
      return reply(toSuggestion(inserted), 201);
    }
    const earlier = await s.db
      .selectFrom('suggestions')
      .selectAll()
      .where('employee_id', '=', me.id)
      .where('idempotency_key', '=', key)
      .executeTakeFirstOrThrow();
    if (earlier.url !== row.url || earlier.note !== row.note || earlier.topics !== row.topics) {
      throw conflict('This Idempotency-Key was already used for a different suggestion.');
    }
    return reply(toSuggestion(earlier), 200);
  });

  handle(api, s, 'listMySuggestions', async (c, { query, reply }) => {
    const select = s.db.selectFrom('suggestions').selectAll().where('employee_id', '=', c.get('employee').id);
    const rows = await newestFirst(select, query, 'created_at', 'id');
    return reply(toPage(rows, query.limit, toSuggestion, (row) => ({ key: row.created_at, id: row.id })));
  });
}
