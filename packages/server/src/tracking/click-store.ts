import { createHmac } from 'node:crypto';
import { clickAwardsPerShareDay, clickEarnsPoints, clickReference, clickReferencePrefix, type PointsRules } from '@advocacy-kit/core/rules';
import type { Db } from '../db/database.js';
import { award } from '../points/ledger.js';

/** A human click as the redirect saw it. The address and user agent stay in memory only. */
export interface RawClick {
  code: string;
  shareId: string;
  employeeId: string;
  ip: string;
  userAgent: string;
  /** ISO time of the click. */
  at: string;
}

/** Writes a batch of clicks; resolves with how many were new unique clicks. */
export type ClickStore = (batch: RawClick[]) => Promise<number>;

/** Rows per INSERT statement: small enough that one never holds an event loop for long. */
const INSERT_CHUNK = 50;

/** HMAC-SHA256 of ip, user agent and UTC day under the secret salt: the unique-visitor key. */
export const visitorHash = (salt: string, ip: string, userAgent: string, day: string): string =>
  createHmac('sha256', salt).update(`${ip}\n${userAgent}\n${day}`).digest('base64url');

/**
 * Stores clicks in one transaction: each visitor is hashed, inserted with ON CONFLICT DO NOTHING
 * on (code, day, visitor) — so the same visitor on the same day is one unique click — and each
 * new unique click is awarded points within the share's daily cap.
 */
export function databaseClickStore(db: Db, salt: string, points: PointsRules): ClickStore {
  /** code → the UTC day on which its share reached the click-points cap. */
  const capped = new Map<string, string>();

  /**
   * A unique click earns points while the share has fewer than cap ÷ click awards that day
   * (`clickEarnsPoints`). The reference names the slot (`clickReference`: `code:day:n`), so the cap
   * holds even across instances; the check reads at most that many ledger rows, and a capped
   * share is remembered.
   */
  const awardClick = async (trx: Db, click: RawClick, day: string) => {
    if (clickAwardsPerShareDay(points) === 0 || capped.get(click.code) === day) return;
    const prefix = clickReferencePrefix(click.code, day);
    const { count } = await trx
      .selectFrom('points_ledger')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('reason', '=', 'click')
      .where('reference', '>=', prefix)
      .where('reference', '<', `${prefix.slice(0, -1)};`) // ';' sorts right after ':'
      .executeTakeFirstOrThrow();
    const awarded = Number(count);
    if (!clickEarnsPoints(points, awarded)) {
      if (capped.size >= 100_000) capped.clear();
      capped.set(click.code, day);
      return;
    }
    await award(trx, {
      employeeId: click.employeeId,
      delta: points.click,
      reason: 'click',
      reference: clickReference(click.code, day, awarded + 1),
      at: click.at,
    });
  };

  return (batch) =>
    db.transaction().execute(async (trx) => {
      let unique = 0;
      for (let start = 0; start < batch.length; start += INSERT_CHUNK) {
        const chunk = batch.slice(start, start + INSERT_CHUNK).map((click) => {
          const day = click.at.slice(0, 10);
          return { click, day, hash: visitorHash(salt, click.ip, click.userAgent, day) };
        });
        const inserted = await trx
          .insertInto('clicks')
          .values(
            chunk.map(({ click, day, hash }) => ({
              code: click.code,
              day,
              visitor_hash: hash,
              share_id: click.shareId,
              created_at: click.at,
            })),
          )
          .onConflict((oc) => oc.columns(['code', 'day', 'visitor_hash']).doNothing())
          .returning(['code', 'day', 'visitor_hash'])
          .execute();
        unique += inserted.length;
        const stored = new Set(inserted.map((row) => `${row.code}|${row.day}|${row.visitor_hash}`));
        for (const { click, day, hash } of chunk) {
          if (stored.delete(`${click.code}|${day}|${hash}`)) await awardClick(trx, click, day);
        }
        // Let waiting work on this thread in between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return unique;
    });
}
