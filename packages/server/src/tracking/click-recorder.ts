import type { Logger } from '../log.js';
import type { ClickStore, RawClick } from './click-store.js';
import type { LinkTarget } from './link-cache.js';

/** Bound on clicks held while the database is unreachable; beyond it the oldest are dropped and logged. */
const MAX_PENDING = 200_000;

/**
 * Buffers human clicks in memory and hands them to a store in batches (by size or every
 * ~250 ms), so a redirect never waits on the database and a hot link never serialises on a
 * counter row. A failed batch is kept and retried.
 */
export class ClickRecorder {
  private pending: RawClick[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: ClickStore,
    private readonly options: { maxBatch: number; intervalMs: number },
    private readonly logger: Logger,
  ) {}

  record(link: LinkTarget, visitor: { ip: string; userAgent: string }, at = new Date()): void {
    this.pending.push({
      code: link.code,
      shareId: link.shareId,
      employeeId: link.employeeId,
      postId: link.postId,
      sharerNetwork: link.sharerNetwork,
      ip: visitor.ip,
      userAgent: visitor.userAgent,
      at: at.toISOString(),
    });
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

  private async write(batch: RawClick[]): Promise<void> {
    try {
      const unique = await this.store(batch);
      this.logger.debug('clicks stored', { received: batch.length, unique });
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
}
