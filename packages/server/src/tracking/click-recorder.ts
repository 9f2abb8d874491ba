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
/** Rows per INSERT statement: small enough that one never holds the event loop for long. */
const INSERT_CHUNK = 50;

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
  /** code → the UTC day on which its share reached the click-points cap. */
  private readonly capped = new Map<string, string>();

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
        for (let start = 0; start < batch.length; start += INSERT_CHUNK) {
          const chunk = batch.slice(start, start + INSERT_CHUNK);
          const inserted = await trx
            .insertInto('clicks')
            .values(chunk.map((click) => ({ code: click.code, day: click.day, visitor_hash: click.visitorHash, share_id: click.shareId, created_at: click.at })))
            .onConflict((oc) => oc.columns(['code', 'day', 'visitor_hash']).doNothing())
            .returning(['code', 'day', 'visitor_hash'])
            .execute();
          unique += inserted.length;
          const stored = new Set(inserted.map((row) => `${row.code}|${row.day}|${row.visitor_hash}`));
          for (const click of chunk) {
            const key = `${click.code}|${click.day}|${click.visitorHash}`;
            if (!stored.delete(key)) continue;
            await this.awardClick(trx, click);
          }
          // SQLite runs on this thread: let waiting requests in between chunks.
          await new Promise((resolve) => setImmediate(resolve));
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
   * A unique click earns points while the share has fewer than cap ÷ click awards that day.
   * The reference names the slot (`code:day:n`), so the cap holds even across instances; the
   * check reads at most that many ledger rows, and a capped share is remembered in memory.
   */
  private async awardClick(trx: Db, click: PendingClick): Promise<void> {
    const slots = this.points.click <= 0 ? 0 : Math.floor(this.points.clickDailyCapPerShare / this.points.click);
    if (slots === 0 || this.capped.get(click.code) === click.day) return;
    const prefix = `${click.code}:${click.day}:`;
    const { count } = await trx
      .selectFrom('points_ledger')
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .where('reason', '=', 'click')
      .where('reference', '>=', prefix)
      .where('reference', '<', `${click.code}:${click.day};`)
      .executeTakeFirstOrThrow();
    const awarded = Number(count);
    if (awarded >= slots) {
      if (this.capped.size >= 100_000) this.capped.clear();
      this.capped.set(click.code, click.day);
      return;
    }
    await award(trx, { employeeId: click.employeeId, delta: this.points.click, reason: 'click', reference: `${prefix}${awarded + 1}`, at: click.at });
  }
}
