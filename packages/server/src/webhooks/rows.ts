import type { WebhookTables } from './tables.js';

export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  events: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  responseStatus: number | null;
  /** The first 1 KB of the endpoint's last answer. */
  responseBody: string | null;
  error: string | null;
  replayOf: string | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
}

export const toEndpoint = (row: WebhookTables['webhook_endpoints']): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  description: row.description,
  events: JSON.parse(row.events) as string[],
  active: Number(row.active) === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const toDelivery = (row: WebhookTables['webhook_deliveries']): WebhookDelivery => ({
  id: row.id,
  endpointId: row.endpoint_id,
  eventId: row.event_id,
  eventType: row.event_type,
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
