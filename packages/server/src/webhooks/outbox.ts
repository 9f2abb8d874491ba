import { newId } from '../ids.js';
import type { WebhookEvent, WebhookEventType } from './events.js';
import { webhookDb } from './tables.js';
import type { Db } from '../db/database.js';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Queues an event for every active endpoint subscribed to its type. Call it with the
 * transaction that makes the change, so the event exists exactly when the change does; the
 * dispatcher sends it later, so a slow or failing endpoint never slows the request.
 * Returns the event (its id is the same in every delivery).
 */
export async function enqueueWebhookEvent<T>(
  db: Db | Transaction<Database> | Kysely<Database>,
  type: WebhookEventType,
  data: T,
  at: string,
): Promise<WebhookEvent<T>> {
  const wdb = webhookDb(db);
  const event: WebhookEvent<T> = { id: newId('evt'), type, createdAt: at, data };
  const endpoints = await wdb.selectFrom('webhook_endpoints').select(['id', 'events']).where('active', '=', 1).execute();
  const subscribed = endpoints.filter((endpoint) => (JSON.parse(endpoint.events) as string[]).includes(type));
  if (subscribed.length === 0) return event;
  const payload = JSON.stringify(event);
  await wdb
    .insertInto('webhook_deliveries')
    .values(
      subscribed.map((endpoint) => ({
        id: newId('whd'),
        endpoint_id: endpoint.id,
        event_id: event.id,
        event_type: type,
        payload,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        locked_until: null,
        response_status: null,
        response_body: null,
        error: null,
        replay_of: null,
        created_at: at,
        updated_at: at,
        delivered_at: null,
      })),
    )
    .execute();
  return event;
}
