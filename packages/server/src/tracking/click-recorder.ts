import type { Logger } from '../log.js';
import type { ClickSpool, Refusal, Segment } from './click-spool.js';
import type { ClickStore, RawClick } from './click-store.js';
import type { LinkTarget } from './link-cache.js';

/** Longest wait between attempts while the store keeps failing. */
const MAX_RETRY_MS = 30_000;
/** At most one "click not recorded" line per this many milliseconds (the count says how many). */
const REFUSAL_LOG_MS = 10_000;

/** What a stop left behind. */
export interface ClickShutdown {
  /** Clicks still in the spool: replayed on the next start (file spool) or lost (memory). */
  left: number;
  /** Clicks answered but never kept since start, because the spool was full or unwritable. */
  refused: number;
  /** Answered clicks that will never be stored: refused ones, plus what an in-memory spool held. */
  lost: number;
}

/**
 * Records each human click in the spool before the redirect answers — the clicks of one turn of
 * the event loop in one write, their answers sent right after it (`afterKept`) — and stores the spool's
 * segments in the database one batch at a time, oldest first: a segment is closed when it
 * holds `maxBatch` clicks, when the store is idle after `intervalMs`, or when a batch ends and
 * clicks arrived meanwhile (so batches grow with the load, up to `maxBatch`). A segment is
 * released only once its batch is committed; a failed batch stays and is tried again with a
 * backoff, while new clicks keep going to the spool (bounded on disk). Storing a segment twice
 * is harmless: clicks are unique on (code, day, visitor) and points go only to inserted rows.
 */
export class ClickRecorder {
  private timer: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private retryMs = 0;
  private pumping: Promise<void> | null = null;
  private stopping = false;
  private closed = false;
  private deadline = Infinity;
  private refusals = 0;
  private unlogged = 0;
  private lastRefusalLog = -Infinity;
  private failures = 0;
  /** How long the last batch took: a stop starts no batch that would end past its deadline. */
  private lastBatchMs = 0;
  /** Clicks recorded in this turn of the event loop, written to the spool together at its end. */
  private queued: RawClick[] = [];
  /** What waits for the queued clicks to be in the spool (their answers). */
  private waiting: Array<() => void> = [];
  private writeScheduled = false;

  constructor(
    private readonly spool: ClickSpool,
    private readonly store: ClickStore,
    private readonly options: { maxBatch: number; intervalMs: number },
    private readonly logger: Logger,
  ) {}

  /**
   * Queues a click for the spool; it is written with the others of this turn of the event loop.
   * Whoever answers the click waits for that write with `afterKept`.
   */
  record(link: LinkTarget, visitor: { ip: string; userAgent: string }, at = new Date()): void {
    // After close every connection is gone: a request still finishing can no longer be answered.
    if (this.closed) return;
    this.queued.push({
      code: link.code,
      shareId: link.shareId,
      employeeId: link.employeeId,
      postId: link.postId,
      sharerNetwork: link.sharerNetwork,
      ip: visitor.ip,
      userAgent: visitor.userAgent,
      at: at.toISOString(),
    });
    if (!this.writeScheduled) {
      this.writeScheduled = true;
      setImmediate(this.writeQueued);
    }
  }

  /** Runs `then` once every click recorded so far is in the spool (or refused): at once when none waits. */
  afterKept(then: () => void): void {
    if (this.queued.length === 0) then();
    else this.waiting.push(then);
  }

  /**
   * Writes the queued clicks to the spool in one write (a busy redirect makes one system call
   * per turn of the event loop, not per click), then lets their answers go.
   */
  private readonly writeQueued = (): void => {
    this.writeScheduled = false;
    const clicks = this.queued;
    const waiting = this.waiting;
    this.queued = [];
    this.waiting = [];
    if (clicks.length > 0) this.keep(clicks);
    for (const then of waiting) then();
  };

  /** Appends clicks to the spool, closing a segment whenever it holds `maxBatch` clicks. */
  private keep(clicks: RawClick[]): void {
    for (let at = 0; at < clicks.length;) {
      const room = Math.max(1, this.options.maxBatch - this.spool.open);
      const { kept, refusal } = this.spool.appendAll(at === 0 && room >= clicks.length ? clicks : clicks.slice(at, at + room));
      at += kept;
      if (refusal !== null) {
        // What could not be written now is not tried again: its answers are going out.
        this.refuse(refusal, clicks.length - at);
        break;
      }
      if (this.spool.open >= this.options.maxBatch) {
        this.spool.seal();
        // While a failed batch waits for its retry, new segments wait with it.
        if (this.retry === null) void this.pump();
      }
    }
    if (this.spool.open > 0 && this.timer === null && this.pumping === null && this.retry === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.spool.seal();
        void this.pump();
      }, this.options.intervalMs);
      this.timer.unref();
    }
  }

  /** Clicks answered and not yet committed to the database (what the spool holds, and what waits for it). */
  depth(): number {
    return this.spool.depth() + this.queued.length;
  }

  /** The spool's figures, for health checks and logs. */
  stats(): { depth: number; bytes: number; durable: boolean; refused: number; failedBatches: number } {
    return {
      depth: this.depth(),
      bytes: this.spool.bytes(),
      durable: this.spool.durable,
      refused: this.refusals,
      failedBatches: this.failures,
    };
  }

  /** Stores everything recorded so far; resolves once it is committed or a batch has failed. */
  flush(): Promise<void> {
    this.writeQueued();
    this.clearTimers();
    this.spool.seal();
    return this.pump();
  }

  /**
   * Stops recording: stores what it can until `deadline` (a `Date.now()` time), then leaves the
   * rest in the spool. A batch still running at the deadline is not waited for; its segment stays
   * until it is committed, so it is replayed if the process stops first.
   */
  async close(deadline = Infinity): Promise<ClickShutdown> {
    this.stopping = true;
    this.deadline = deadline;
    this.writeQueued();
    this.clearTimers();
    this.spool.seal();
    const pumped = this.pump();
    if (deadline === Infinity) await pumped;
    else {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([pumped, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()))))]);
      clearTimeout(timer);
    }
    this.flushRefusalLog();
    const left = this.spool.depth();
    this.closed = true;
    this.spool.close();
    const lost = this.refusals + (this.spool.durable ? 0 : left);
    return { left, refused: this.refusals, lost };
  }

  private clearTimers(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.retry !== null) clearTimeout(this.retry);
    this.timer = null;
    this.retry = null;
  }

  /** Starts storing closed segments unless a batch is already running; resolves when it stops. */
  private pump(): Promise<void> {
    this.pumping ??= this.drain().finally(() => {
      this.pumping = null;
    });
    return this.pumping;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (Date.now() + this.lastBatchMs >= this.deadline) return;
      // Group commit: what arrived while the last batch ran is the next batch.
      if (this.spool.oldest() === null) this.spool.seal();
      const segment = this.spool.oldest();
      if (segment === null) return;
      if (!(await this.write(segment))) return;
    }
  }

  private async write(segment: Segment): Promise<boolean> {
    const started = performance.now();
    try {
      const { clicks, unreadable } = await segment.read();
      if (unreadable > 0) this.logger.warn('unreadable lines in the click spool skipped', { unreadable });
      const unique = clicks.length === 0 ? 0 : await this.store(clicks);
      await this.spool.release(segment);
      // A first batch that waited for the worker to start says little about the next one.
      this.lastBatchMs = Math.min(performance.now() - started, 1_000);
      this.retryMs = 0;
      this.logger.debug('clicks stored', { received: clicks.length, unique, depth: this.spool.depth() });
      return true;
    } catch (error) {
      this.failures++;
      this.retryMs = Math.min(MAX_RETRY_MS, Math.max(this.options.intervalMs, 1000, this.retryMs * 2));
      this.logger.error('storing clicks failed; they stay in the spool for a retry', {
        error: error instanceof Error ? error.message : String(error),
        depth: this.spool.depth(),
        retryInMs: this.stopping ? null : this.retryMs,
      });
      if (!this.stopping) {
        this.retry = setTimeout(() => {
          this.retry = null;
          void this.pump();
        }, this.retryMs);
        this.retry.unref();
      }
      return false;
    }
  }

  private refuse(reason: Refusal, clicks: number): void {
    this.refusals += clicks;
    this.unlogged += clicks;
    const now = performance.now();
    if (now - this.lastRefusalLog >= REFUSAL_LOG_MS) this.flushRefusalLog(reason, now);
  }

  private flushRefusalLog(reason?: Refusal, now = performance.now()): void {
    if (this.unlogged === 0) return;
    this.logger.error('clicks answered but not recorded', {
      reason:
        reason === 'full'
          ? 'the click spool is full (CLICK_SPOOL_MAX_MB)'
          : reason === 'unwritable'
            ? 'the click spool cannot be written'
            : 'see earlier lines',
      clicks: this.unlogged,
      refusedSinceStart: this.refusals,
      depth: this.spool.depth(),
      bytes: this.spool.bytes(),
    });
    this.unlogged = 0;
    this.lastRefusalLog = now;
  }
}
