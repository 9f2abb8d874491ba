import { createHmac } from 'node:crypto';
import type { PointsRules } from '../config.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../log.js';
import { award } from '../points/ledger.js';
import type { LinkTarget } from './link-cache.js';

interface PendingClick {
  code: string;
  shareId: string;
  employeeId: string;
  day: string;
  visitorHash: string;
  at: string;
}

/** Bound on clicks held while the database is unreachable; beyond it the oldest are dropped and logged. */
const MAX_PENDING = 200_000;

/**
 * Buffers human clicks in memory and writes them in batches (by size or every ~250 ms) in one
 * transaction, so a redirect never waits on the database and a hot link never serialises on a
 * counter row. The visitor is an HMAC of ip, user agent and UTC day under a secret salt: the
 * same visitor on the same day is one unique click, and no raw IP or user agent is stored.
 */
export class ClickRecorder {
  private pending: PendingClick[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly salt: string,
    private readonly points: PointsRules,
    private readonly options: { maxBatch: number; intervalMs: number },
    private readonly logger: Logger,
  ) {}

  record(link: LinkTarget, visitor: { ip: string; userAgent: string }, at = new Date()): void {
    const iso = at.toISOString();
    const day = iso.slice(0, 10);
    const visitorHash = createHmac('sha256', this.salt).update(`${visitor.ip}\n${visitor.userAgent}\n${day}`).digest('base64url');
    this.pending.push({ code: link.code, shareId: link.shareId, employeeId: link.employeeId, day, visitorHash, at: iso });
    if (this.pending.length >= this.options.maxBatch) void this.flush();
    else if (this.timer === null) {
      this.timer = setTimeout(() => void this.flush(), this.options.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes everything buffered so far; resolves when it is stored (or kept for a retry). */
  flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.pending;
    this.pending = [];
    this.running = this.running.then(() => (batch.length === 0 ? undefined : this.write(batch)));
    return this.running;
  }

  private async write(batch: PendingClick[]): Promise<void> {
    try {
      const result = await this.db.transaction().execute(async (trx) => {
        let unique = 0;
        for (const click of batch) {
          const inserted = await trx
            .insertInto('clicks')
            .values({ code: click.code, day: click.day, visitor_hash: click.visitorHash, share_id: click.shareId, created_at: click.at })
            .onConflict((oc) => oc.columns(['code', 'day', 'visitor_hash']).doNothing())
            .returning('code')
            .executeTakeFirst();
          if (inserted === undefined) continue;
          unique++;
          await this.awardClick(trx, click);
        }
        return unique;
      });
      this.logger.debug('clicks stored', { received: batch.length, unique: result });
    } catch (error) {
      const kept = [...batch, ...this.pending];
      const dropped = Math.max(0, kept.length - MAX_PENDING);
      this.pending = kept.slice(dropped);
      this.logger.error('storing clicks failed; kept for retry', {
        error: error instanceof Error ? error.message : String(error),
        pending: this.pending.length,
        dropped,
      });
      if (this.timer === null) {
        this.timer = setTimeout(() => void this.flush(), Math.max(this.options.intervalMs, 1000));
        this.timer.unref();
      }
    }
  }

  /**
   * The n-th unique click of a share on a day earns points while n × click ≤ the daily cap. The
   * reference names the slot (`code:day:n`), so the cap holds even across instances.
   */
  private async awardClick(trx: Db, click: PendingClick): Promise<void> {
    if (this.points.click <= 0) return;
    const { count } = await trx
      .selectFrom('clicks')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('code', '=', click.code)
      .where('day', '=', click.day)
      .executeTakeFirstOrThrow();
    const slot = Number(count);
    if (slot * this.points.click > this.points.clickDailyCapPerShare) return;
    await award(trx, { employeeId: click.employeeId, delta: this.points.click, reason: 'click', reference: `${click.code}:${click.day}:${slot}`, at: click.at });
  }
}
