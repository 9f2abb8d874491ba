import type { Share } from '@advocacy-kit/core';
import { sql } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { toShare } from '../db/rows.js';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';
import { noteAward } from '../points/boards.js';
import { insertAward } from '../points/ledger.js';
import type { WebhookEvent } from '../webhooks/events.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';

type ShareRow = Database['shares'];

/** The points a new share earns, once per reference (see `award` in points/ledger.ts). */
export interface ShareAward {
  employeeId: string;
  delta: number;
  reference: string;
  at: string;
}

/**
 * Stores a new share (`row`, its points_awarded ignored) with its points and its `share.created`
 * webhook event, all or nothing; null when the insert met a conflict (the same key or the same
 * post and network, from a concurrent request) and nothing was stored.
 *
 * The share row is the last thing written before the commit: its insert locks the analytics
 * rollup rows of the hour (triggers, see analytics/rollups.ts) that every share and click batch
 * adds to, so they are held as briefly as the database allows. On PostgreSQL all of it is one
 * statement (no transaction kept open across round trips while those rows are locked); on SQLite
 * a transaction (statements cost no round trip there).
 */
export function storeShare(db: Db, dialect: Dialect, row: ShareRow, award: ShareAward, publicUrl: string): Promise<ShareRow | null> {
  return dialect === 'postgres' ? storeInOneStatement(db, row, award, publicUrl) : storeInTransaction(db, row, award, publicUrl);
}

async function storeInTransaction(db: Db, row: ShareRow, award: ShareAward, publicUrl: string): Promise<ShareRow | null> {
  return db
    .transaction()
    .execute(async (trx) => {
      // Once per (employee, post, network), also for shares stored before there was one per network.
      const points = await insertAward(trx, { ...award, reason: 'share' });
      const stored = { ...row, points_awarded: points };
      await enqueueWebhookEvent(trx, 'share.created', toShare(stored, publicUrl), stored.created_at);
      // Any conflict ends here: the same key (a concurrent retry) or the same post and network.
      const inserted = await trx
        .insertInto('shares')
        .values(stored)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows !== 1n) throw new ShareRaced();
      // Inside the transaction: this process's leaderboards rely on it (see noteAward).
      if (points > 0) noteAward(award.employeeId, points, 'share', award.at);
      return stored;
    })
    .catch((error: unknown) => {
      if (error instanceof ShareRaced) return null;
      throw error;
    });
}

/** The insert met a conflict: the transaction is rolled back, the award and the event with it. */
class ShareRaced extends Error {}

/**
 * The same in one PostgreSQL statement. The share's points are decided in its insert, by the
 * rules of `insertAward` (nothing for a leaver, nothing for a reference already in the ledger),
 * and the ledger row is inserted only from the share row actually inserted: a concurrent request
 * for the same reference is a share of the same post and network, whose insert waits for ours and
 * then conflicts. The event goes to every active endpoint subscribed to `share.created`, as
 * `enqueueWebhookEvent` does, with the body the share's points call for.
 */
async function storeInOneStatement(db: Db, row: ShareRow, award: ShareAward, publicUrl: string): Promise<ShareRow | null> {
  const eventId = newId('evt');
  const payload = (points: number) => {
    const event: WebhookEvent<Share> = {
      id: eventId,
      type: 'share.created',
      createdAt: row.created_at,
      data: toShare({ ...row, points_awarded: points }, publicUrl),
    };
    return JSON.stringify(event);
  };
  const { rows } = await sql<{ points_awarded: number; awarded: number }>`
    with s as (
      insert into shares (id, employee_id, post_id, network, commentary, idempotency_key, request_hash, tracking_code,
        destination, points_awarded, created_at, sharer_network, first_to_network)
      select ${row.id}, ${row.employee_id}, ${row.post_id}, ${row.network}, ${row.commentary}, ${row.idempotency_key},
        ${row.request_hash}, ${row.tracking_code}, ${row.destination},
        case
          when cast(${award.delta} as integer) = 0
            or exists (select 1 from employees where id = ${award.employeeId} and status = 'deactivated')
            or exists (select 1 from points_ledger where reason = 'share' and reference = ${award.reference})
          then 0 else cast(${award.delta} as integer) end,
        ${row.created_at}, ${row.sharer_network}, ${row.first_to_network}
      on conflict do nothing
      returning points_awarded
    ), a as (
      insert into points_ledger (id, employee_id, delta, reason, reference, created_at)
      select ${newId('pts')}, ${award.employeeId}, s.points_awarded, 'share', ${award.reference}, ${award.at}
      from s where s.points_awarded <> 0
      on conflict (reason, reference) do nothing
      returning delta
    ), w as (
      insert into webhook_deliveries (id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at,
        created_at, updated_at)
      -- newId's shape: 16 random bytes, base64url.
      select 'whd_' || rtrim(translate(encode(uuid_send(gen_random_uuid()), 'base64'), '+/', '-_'), '='),
        e.id, ${eventId}, 'share.created',
        case when s.points_awarded <> 0 then ${payload(award.delta)} else ${payload(0)} end,
        'pending', 0, ${row.created_at}, ${row.created_at}, ${row.created_at}
      from webhook_endpoints e cross join s
      where e.active = 1 and e.events::jsonb ? 'share.created'
    )
    select s.points_awarded, (select count(*) from a) as awarded from s`.execute(db);
  const stored = rows[0];
  if (stored === undefined) return null;
  const points = Number(stored.points_awarded);
  if (points !== 0 && Number(stored.awarded) === 0) {
    // The reference was taken between the snapshot and the insert (not by a share of the same
    // post and network, which would have conflicted): the ledger kept its one row; the share says so.
    await db.updateTable('shares').set({ points_awarded: 0 }).where('id', '=', row.id).execute();
    return { ...row, points_awarded: 0 };
  }
  if (points !== 0) noteAward(award.employeeId, points, 'share', award.at);
  return { ...row, points_awarded: points };
}
