import type { schemas } from '@advocacy-kit/core/contract';
import type { Static } from '@sinclair/typebox';
import type { WebhookEventType } from './events.js';
import type { WebhookTables } from './tables.js';

/** A webhook endpoint and a delivery as the admin API answers them (the contract's types). */
export type WebhookEndpoint = Static<typeof schemas.WebhookEndpoint>;
export type WebhookDelivery = Static<typeof schemas.WebhookDelivery>;

export const toEndpoint = (row: WebhookTables['webhook_endpoints']): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  description: row.description,
  events: JSON.parse(row.events) as WebhookEventType[],
  active: Number(row.active) === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toDelivery = (row: WebhookTables['webhook_deliveries']): WebhookDelivery => ({
  id: row.id,
  endpointId: row.endpoint_id,
  eventId: row.event_id,
  eventType: row.event_type as WebhookEventType,
  status: row.status as WebhookDelivery['status'],
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  responseStatus: row.response_status === null ? null : Number(row.response_status),
  responseBody: row.response_body,
  error: row.error,
  replayOf: row.replay_of,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deliveredAt: row.delivered_at,
});
