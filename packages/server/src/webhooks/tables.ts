import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** Tables of the webhooks feature (migration 0200_webhooks). */
export type WebhookTables = {
  webhook_endpoints: {
    id: string;
    url: string;
    description: string;
    /** JSON array of event types. */
    events: string;
    secret: string;
    /** 1 or 0. */
    active: number;
    created_at: string;
    updated_at: string;
  };
  /** The outbox and the delivery log in one: one row per (endpoint, event) attempt series. */
  webhook_deliveries: {
    id: string;
    endpoint_id: string;
    event_id: string;
    event_type: string;
    /** The exact JSON body sent. */
    payload: string;
    /** pending | delivered | failed */
    status: string;
    attempts: number;
    next_attempt_at: string | null;
    /** A dispatcher holds the row until then while it sends; another one may take it afterwards. */
    locked_until: string | null;
    response_status: number | null;
    response_body: string | null;
    error: string | null;
    /** The delivery this one replays, if any. */
    replay_of: string | null;
    created_at: string;
    updated_at: string;
    delivered_at: string | null;
  };
};

export type WebhookDb = Kysely<Database & WebhookTables>;

export const webhookDb = (db: Db | Kysely<Database>): WebhookDb => db.withTables<WebhookTables>();
