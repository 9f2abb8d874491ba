import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { newId, nowIso } from '../ids.js';

/** Who made a change: an admin (their employee id), the SCIM client, or the server itself. */
export type AuditActor = { kind: 'admin' | 'employee'; id: string } | { kind: 'scim'; id?: string } | { kind: 'system'; id?: string };

export interface AuditEntry {
  actor: AuditActor;
  /** What happened, as `<resource>.<verb>`: `topic.create`, `employee.deactivate`, `policy.publish`. */
  action: string;
  target: { kind: string; id: string };
  /** The resource before the change (null or absent for a creation). */
  before?: unknown;
  /** The resource after the change (null or absent for a deletion). */
  after?: unknown;
  at?: string;
}

/**
 * Records one change in the audit log. Call it with the transaction that makes the change, so the
 * record and the change are committed together or not at all.
 */
export async function recordAudit(db: Transaction<Database> | Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId('aud'),
      at: entry.at ?? nowIso(),
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.id ?? entry.actor.kind,
      action: entry.action,
      target_kind: entry.target.kind,
      target_id: entry.target.id,
      before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    })
    .execute();
}
