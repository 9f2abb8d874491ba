import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** Tables of the delivery feature (migration 0310_delivery). */
export type DeliveryTables = {
  /** One row (`id = 'delivery'`) once an admin saved settings; before that the environment's defaults apply. */
  delivery_settings: {
    id: string;
    smtp_host: string | null;
    smtp_port: number;
    /** tls | starttls | none */
    smtp_security: string;
    smtp_user: string | null;
    /** Stored as given (like webhook secrets); never returned by the API. */
    smtp_password: string | null;
    from_address: string | null;
    reply_to: string | null;
    teams_url: string | null;
    slack_url: string | null;
    /** JSON `{ digest: Channel[], nudge: Channel[], invitation: Channel[] }`. */
    routes: string;
    updated_at: string;
  };
  /** The outbox and the delivery log in one: one row per message, recipient and channel. */
  delivery_outbox: {
    id: string;
    /** `kind:employee:period:channel`: unique, so a message is queued once. */
    key: string;
    kind: string;
    channel: string;
    employee_id: string | null;
    /** The email address (email), or null (Teams, Slack). */
    recipient: string | null;
    subject: string;
    /** JSON: the rendered email (subject, html, text, unsubscribe URL) or the Teams/Slack body. */
    payload: string;
    /** pending | delivered | failed | skipped */
    status: string;
    attempts: number;
    next_attempt_at: string | null;
    locked_until: string | null;
    error: string | null;
    created_at: string;
    updated_at: string;
    delivered_at: string | null;
  };
};

export type DeliveryDb = Kysely<Database & DeliveryTables>;

export const deliveryDb = (db: Db | Kysely<Database>): DeliveryDb => db.withTables<DeliveryTables>();
