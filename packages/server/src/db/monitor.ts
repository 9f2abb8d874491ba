import type { Logger } from '../log.js';
import { databaseFailure, type DatabaseFailure } from './failure.js';

/** How long a "full" or "read-only" write failure keeps readiness failing when no write succeeds after it. */
const STORAGE_FAILURE_HOLD_MS = 30_000;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;

export interface MonitorState {
  /** Null while the database answers. */
  failure: (DatabaseFailure & { since: string }) | null;
}

/**
 * Keeps track of whether the database is there. The first failure of an outage is logged once,
 * in words and with where the data lives; then a check runs with backoff (250 ms doubling to
 * 5 s) until the database answers again, which is logged with how long it was away. Requests
 * are not held back meanwhile: each tries on its own, bounded by the connection and statement
 * timeouts, so the first one after a recovery succeeds.
 */
export class DatabaseMonitor {
  readonly #logger: Logger;
  #location = 'the database';
  #check: (() => Promise<void>) | null = null;
  #failure: (DatabaseFailure & { since: number; last: number }) | null = null;
  #timer: NodeJS.Timeout | null = null;
  #delay = FIRST_RETRY_MS;
  #stopped = false;

  constructor(logger: Logger) {
    this.#logger = logger;
  }

  /** Where the data lives (for the log lines), and the check that proves the database is back (the readiness probe's write). */
  watch(location: string, check: () => Promise<void>): void {
    this.#location = location;
    this.#check = check;
  }

  /** Notes an error; returns what it means when it is the database being away, else null. */
  failed(error: unknown): DatabaseFailure | null {
    const failure = databaseFailure(error);
    if (failure === null) return null;
    const now = Date.now();
    if (this.#failure === null) {
      this.#failure = { ...failure, since: now, last: now };
      this.#logger.error(`${failure.cause}: ${this.#location} — the database is ${describe(failure)}; retrying`, {
        database: this.#location,
        kind: failure.kind,
      });
      this.#delay = FIRST_RETRY_MS;
      this.#schedule();
    } else {
      this.#failure.last = now;
    }
    return failure;
  }

  /** A write went through: a "full" or "read-only" condition is over. */
  succeeded(): void {
    if (this.#failure !== null) this.#recovered();
  }

  /** What readiness reports; a storage failure holds for a while even when the probe's small write passes. */
  state(): MonitorState {
    const failure = this.#failure;
    if (failure === null) return { failure: null };
    return { failure: { kind: failure.kind, cause: failure.cause, since: new Date(failure.since).toISOString() } };
  }

  /** Whether a recent "full" or "read-only" failure should keep the instance out of rotation. */
  holdsStorageFailure(now = Date.now()): boolean {
    const failure = this.#failure;
    return failure !== null && (failure.kind === 'full' || failure.kind === 'read_only') && now - failure.last < STORAGE_FAILURE_HOLD_MS;
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(): void {
    if (this.#stopped || this.#timer !== null || this.#check === null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#retry();
    }, this.#delay);
    this.#timer.unref();
    this.#delay = Math.min(this.#delay * 2, MAX_RETRY_MS);
  }

  async #retry(): Promise<void> {
    if (this.#failure === null || this.#check === null) return;
    try {
      await this.#check();
      if (this.holdsStorageFailure()) this.#schedule();
      else this.#recovered();
    } catch (error) {
      if (databaseFailure(error) !== null && this.#failure !== null) this.#failure.last = Date.now();
      this.#schedule();
    }
  }

  #recovered(): void {
    const failure = this.#failure;
    if (failure === null) return;
    this.#failure = null;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#logger.info(`database available again after ${((Date.now() - failure.since) / 1000).toFixed(1)} s (${this.#location})`, {
      database: this.#location,
      kind: failure.kind,
    });
  }
}

function describe(failure: DatabaseFailure): string {
  switch (failure.kind) {
    case 'unreachable':
      return 'unreachable';
    case 'timeout':
      return 'not answering in time';
    case 'full':
      return 'out of space';
    case 'read_only':
      return 'read-only';
    case 'busy':
      return 'busy';
  }
}
