import type { Kysely } from 'kysely';
import { toPost } from '../db/rows.js';
import type { Database } from '../db/schema.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';

/** Unique human clicks on one share that raise a `click.milestone` event. */
export const CLICK_MILESTONES = [10, 50, 100, 500, 1000, 5000, 10000] as const;

const DAY = 86_400_000;

type AnnouncedTables = { engagement_announcements: { key: string; created_at: string } };
const announcedDb = (db: Kysely<Database>) => db.withTables<AnnouncedTables>();

/** Queues the event in the transaction that records its key; false when it was announced before. */
async function announceOnce(
  db: Kysely<Database>,
  key: string,
  at: string,
  queue: (trx: Kysely<Database>) => Promise<unknown>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await announcedDb(trx)
      .insertInto('engagement_announcements')
      .values({ key, created_at: at })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (row === undefined) return false;
    await queue(trx);
    return true;
  });
}

/**
 * `post.published` for posts whose publish time came in the last day (created published, or
 * scheduled and now due), and `click.milestone` for shares whose unique clicks reached a
 * milestone, among shares clicked in the last day. Returns how many events were queued.
 */
export async function announce(db: Kysely<Database>, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  const since = new Date(now.getTime() - DAY).toISOString();
  let queued = 0;
  const due = await db
    .selectFrom('posts')
    .selectAll()
    .where('status', '=', 'published')
    .where('publish_at', '<=', nowIso)
    .where('publish_at', '>', since)
    .orderBy('publish_at')
    .execute();
  for (const post of due) {
    if (
      await announceOnce(db, `post.published:${post.id}`, nowIso, (trx) =>
        enqueueWebhookEvent(trx, 'post.published', toPost(post, nowIso), nowIso),
      )
    )
      queued++;
  }
  const counts = await db
    .selectFrom('clicks')
    .innerJoin('shares', 'shares.tracking_code', 'clicks.code')
    .select(['clicks.share_id', 'shares.employee_id', 'shares.post_id', 'shares.network', 'shares.tracking_code'])
    .select((eb) => eb.fn.countAll<number>().as('clicks'))
    .where('clicks.code', 'in', (eb) => eb.selectFrom('clicks').select('clicks.code').distinct().where('clicks.created_at', '>=', since))
    .groupBy(['clicks.share_id', 'shares.employee_id', 'shares.post_id', 'shares.network', 'shares.tracking_code'])
    .execute();
  for (const share of counts) {
    const clicks = Number(share.clicks);
    const reached = CLICK_MILESTONES.filter((milestone) => milestone <= clicks).at(-1);
    if (reached === undefined) continue;
    const data = {
      shareId: share.share_id,
      employeeId: share.employee_id,
      postId: share.post_id,
      network: share.network,
      trackingCode: share.tracking_code,
      milestone: reached,
      uniqueClicks: clicks,
    };
    if (
      await announceOnce(db, `click.milestone:${share.share_id}:${reached}`, nowIso, (trx) =>
        enqueueWebhookEvent(trx, 'click.milestone', data, nowIso),
      )
    )
      queued++;
  }
  return queued;
}
