import { createHmac } from 'node:crypto';
import {
  clickAwardsPerPostDay,
  clickEarnsPoints,
  clickReference,
  clickReferencePrefix,
  versionAt,
  type PointsRules,
} from '@advocacy-kit/core/rules';
import { CompiledQuery, sql } from 'kysely';
import { rollUpClicks, type ClickShare, type InsertedClick } from '../analytics/rollups.js';
import type { Db, Dialect } from '../db/database.js';
import { rulesIn, type RulesSchedule, type ScheduledVersion } from '../point-rules/schedule.js';
import { award } from '../points/ledger.js';
import { networkHash, pointVisitorHash } from './network.js';

/** A human click as the redirect saw it. The address and user agent stay in memory only. */
export interface RawClick {
  code: string;
  shareId: string;
  employeeId: string;
  postId: string;
  /** The share's `sharer_network`: a click from that network is the sharer's own and earns nothing. */
  sharerNetwork: string | null;
  ip: string;
  userAgent: string;
  /** ISO time of the click. */
  at: string;
}

/** A clicked share: its sharer, and what the rollups count it by. */
interface BatchShare extends ClickShare {
  employee_id: string;
}

/** Shares looked up per query. */
const SHARE_CHUNK = 500;

/**
 * The shares of a batch's clicks as the database has them in the batch's transaction: the sharer
 * (for points) and the post, network and sharer's team (for the rollups) — one read per batch.
 */
async function sharesOf(trx: Db, batch: readonly RawClick[]): Promise<Map<string, BatchShare>> {
  const ids = [...new Set(batch.map((click) => click.shareId))];
  const shares = new Map<string, BatchShare>();
  for (let start = 0; start < ids.length; start += SHARE_CHUNK) {
    const rows = await trx
      .selectFrom('shares as s')
      .leftJoin('employees as e', 'e.id', 's.employee_id')
      .select(['s.id', 's.employee_id', 's.post_id', 's.network', 'e.team_id'])
      .where('s.id', 'in', ids.slice(start, start + SHARE_CHUNK))
      .execute();
    for (const row of rows) shares.set(row.id, row);
  }
  return shares;
}

/**
 * Settings of a connection that only stores clicks (the click worker's). On SQLite: batches insert
 * into a b-tree keyed by random visitor hashes, so each one dirties many pages — a larger page
 * cache keeps them from being read again, and a longer WAL (about 40 MB before a checkpoint) lets a
 * page written by several batches be copied into the database once. A multi-row INSERT inside a
 * transaction keeps a statement journal (each page it changes copied first, so the statement alone
 * can be undone): in memory, not in a temporary file — written through the kernel, that copy cost
 * about as much as the insert itself.
 */
export async function tuneWriterConnection(db: Db, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`pragma cache_size = -65536`.execute(db);
  await sql`pragma wal_autocheckpoint = 10000`.execute(db);
  await sql`pragma temp_store = memory`.execute(db);
}

/** Writes a batch of clicks; resolves with how many were new unique clicks. */
export type ClickStore = (batch: RawClick[]) => Promise<number>;

/** Rows per INSERT statement: small enough that one never holds an event loop for long. */
const INSERT_CHUNK = 50;

/** Days a point visitor is kept: past them its day is over, and late batches are rare. */
const POINT_VISITOR_DAYS = 7;

/**
 * HMAC-SHA256 of ip, user agent and UTC day under the secret salt: the unique-visitor key of
 * click analytics (a browser on an address). Points count visitors by network instead
 * (`pointVisitorHash`), so a rotated user agent is a new unique click but no new points.
 */
export const visitorHash = (salt: string, ip: string, userAgent: string, day: string): string =>
  createHmac('sha256', salt).update(`${ip}\n${userAgent}\n${day}`).digest('base64url');

const daysBefore = (day: string, days: number): string => new Date(Date.parse(day) - days * 86_400_000).toISOString().slice(0, 10);

/** A click row an INSERT stored (RETURNING). */
interface InsertedRow extends InsertedClick {
  code: string;
  day: string;
  visitor_hash: string;
}

/**
 * `insert into clicks … values (…) × rows on conflict (code, day, visitor_hash) do nothing
 * returning …` in the dialect of `db`, its parameters per row in the order code, day,
 * visitor_hash, share_id, created_at. Building and compiling the query for every chunk cost more
 * than SQLite took to run it: the store keeps the SQL per row count (`insertSql`).
 */
function compileInsert(db: Db, rows: number): string {
  const row = { code: '', day: '', visitor_hash: '', share_id: '', created_at: '' };
  return db
    .insertInto('clicks')
    .values(Array.from({ length: rows }, () => row))
    .onConflict((oc) => oc.columns(['code', 'day', 'visitor_hash']).doNothing())
    .returning(['code', 'day', 'visitor_hash', 'share_id', 'created_at'])
    .compile().sql;
}

/**
 * Stores clicks in one transaction: each visitor is hashed, inserted with ON CONFLICT DO NOTHING
 * on (code, day, visitor) — so the same visitor on the same day is one unique click — and each
 * new unique click may earn the sharer points: not from the network the share was made from,
 * once per network per employee, post and day, within the daily cap per employee and post —
 * by the point rules in effect at the click's time, from `schedule` (read once per batch: a cached
 * copy on the main thread, the last one posted in the click worker). The inserted rows are counted
 * into the analytics rollups in the same transaction, one upsert per bucket and key per batch.
 */
export function databaseClickStore(db: Db, salt: string, schedule: () => RulesSchedule | Promise<RulesSchedule>): ClickStore {
  /** `employee\npost` → the UTC day and the awards a day on which that pair reached the click-points cap. */
  const capped = new Map<string, string>();
  /** The clicks INSERT's SQL per row count (`compileInsert`). */
  const inserts = new Map<number, string>();
  const insertSql = (rows: number): string => {
    let text = inserts.get(rows);
    if (text === undefined) inserts.set(rows, (text = compileInsert(db, rows)));
    return text;
  };
  /** The latest day whose old point visitors were pruned. */
  let pruned = '';
  /** The points rules of each version (null: the defaults) of the schedule last seen: merged once, not per click. */
  let merged: { schedule: RulesSchedule; points: Map<ScheduledVersion | undefined, PointsRules> } | null = null;
  const pointsAt = (schedule: RulesSchedule, at: string): PointsRules => {
    if (merged?.schedule !== schedule) merged = { schedule, points: new Map() };
    // No versions (the defaults only): nothing to look up, and no date to normalise for every click.
    const version = schedule.versions.length === 0 ? undefined : versionAt(schedule.versions, new Date(at).toISOString());
    let points = merged.points.get(version);
    if (points === undefined) {
      points = rulesIn(schedule, at).points;
      merged.points.set(version, points);
    }
    return points;
  };

  /**
   * A unique click earns points while the employee has fewer than cap ÷ click awards from the post
   * that day (`clickEarnsPoints`), from a network that has not earned them any for the post that
   * day. The reference names the slot (`clickReference`: `employee:post:day:n`), so the cap holds
   * even across instances; the check reads at most that many ledger rows, once per pair and day in
   * a batch (`counted`, kept up to date by the batch's own awards), and a capped pair is remembered.
   */
  const awardClick = async (trx: Db, click: RawClick, day: string, rules: RulesSchedule, counted: Map<string, number>) => {
    const points = pointsAt(rules, click.at);
    const perDay = clickAwardsPerPostDay(points);
    if (perDay === 0) return;
    const pair = `${click.employeeId}\n${click.postId}`;
    // A cap raised since (a new version of the rules) lets the pair earn again.
    const cappedKey = `${day} ${perDay}`;
    if (capped.get(pair) === cappedKey) return;
    if (click.sharerNetwork !== null && networkHash(salt, click.ip) === click.sharerNetwork) return;
    const prefix = clickReferencePrefix(click.employeeId, click.postId, day);
    const countAwards = async () => {
      const { count } = await trx
        .selectFrom('points_ledger')
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .where('reason', '=', 'click')
        .where('reference', '>=', prefix)
        .where('reference', '<', `${prefix.slice(0, -1)};`) // ';' sorts right after ':'
        .executeTakeFirstOrThrow();
      return Number(count);
    };
    let awarded = counted.get(prefix);
    if (awarded === undefined) {
      awarded = await countAwards();
      counted.set(prefix, awarded);
    }
    if (!clickEarnsPoints(points, awarded)) {
      if (capped.size >= 100_000) capped.clear();
      capped.set(pair, cappedKey);
      return;
    }
    const visitor = await trx
      .insertInto('click_point_visitors')
      .values({ employee_id: click.employeeId, post_id: click.postId, day, visitor: pointVisitorHash(salt, click.ip, day) })
      .onConflict((oc) => oc.columns(['employee_id', 'post_id', 'day', 'visitor']).doNothing())
      .returning('visitor')
      .executeTakeFirst();
    if (visitor === undefined) return; // this network already earned the employee points for the post today
    // Another instance may take the slot between our count and our award (its batch commits
    // first; ours then finds the reference taken): count again and take the next slot, while the
    // cap allows. A count that didn't move means the award was refused for another reason (a leaver).
    for (;;) {
      const earned = await award(trx, {
        employeeId: click.employeeId,
        delta: points.click,
        reason: 'click',
        reference: clickReference(click.employeeId, click.postId, day, awarded + 1),
        at: click.at,
      });
      if (earned > 0) {
        counted.set(prefix, awarded + 1);
        return;
      }
      const now = await countAwards();
      if (now <= awarded) {
        counted.delete(prefix);
        return;
      }
      awarded = now;
      counted.set(prefix, awarded);
      if (!clickEarnsPoints(points, awarded)) return;
    }
  };

  /** Drops point visitors of days long over, once per day this store sees. */
  const prune = async (trx: Db, day: string) => {
    if (day <= pruned) return;
    pruned = day;
    await trx.deleteFrom('click_point_visitors').where('day', '<', daysBefore(day, POINT_VISITOR_DAYS)).execute();
  };

  return async (batch) => {
    const rules = await schedule();
    return db.transaction().execute(async (trx) => {
      const stored: InsertedClick[] = [];
      const counted = new Map<string, number>();
      const shares = await sharesOf(trx, batch);
      for (let start = 0; start < batch.length; start += INSERT_CHUNK) {
        const chunk = batch.slice(start, start + INSERT_CHUNK);
        const parameters: string[] = [];
        const keyed: { click: RawClick; day: string; key: string }[] = [];
        for (const click of chunk) {
          const day = click.at.slice(0, 10);
          const hash = visitorHash(salt, click.ip, click.userAgent, day);
          // Same order as the columns of `insertSql`.
          parameters.push(click.code, day, hash, click.shareId, click.at);
          keyed.push({ click, day, key: `${click.code}|${day}|${hash}` });
        }
        const { rows: inserted } = await trx.executeQuery<InsertedRow>(CompiledQuery.raw(insertSql(chunk.length), parameters));
        for (const row of inserted) stored.push(row);
        if (inserted.length > 0) await prune(trx, keyed[0]!.day);
        const fresh = new Set(inserted.map((row) => `${row.code}|${row.day}|${row.visitor_hash}`));
        for (const { click, day, key } of keyed) {
          if (!fresh.delete(key)) continue;
          // The sharer as the database has it now, not as the cached link had it: an erasure on
          // another instance renames the employee (never deletes the share), and their old id
          // must not be written again.
          const employeeId = shares.get(click.shareId)?.employee_id ?? click.employeeId;
          await awardClick(trx, employeeId === click.employeeId ? click : { ...click, employeeId }, day, rules, counted);
        }
        // Let waiting work on this thread in between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
      // The analytics rollups count exactly the rows inserted, once per bucket and key for the batch.
      await rollUpClicks(trx, stored, shares);
      return stored.length;
    });
  };
}
