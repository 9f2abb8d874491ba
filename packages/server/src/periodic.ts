import type { Logger } from './log.js';

/**
 * A background job that runs one pass at a time: a call while a pass is in flight joins it.
 * `start` runs it on a timer that does not keep the process alive, `lag` says how far behind its
 * timer it is (for readiness), and `stop` ends the timer and waits for the pass in flight. The
 * webhook and delivery dispatchers and the engagement and sources schedulers run on it.
 */
export class PeriodicJob<T> {
  readonly #name: string;
  readonly #logger: Logger;
  readonly #pass: (now: Date) => Promise<T>;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<T> | null = null;
  #intervalMs = 0;
  /** When the last pass finished without an error (or the timer started). */
  #lastRun = 0;

  /** `name` goes into the log line of a failed pass ("webhook dispatch failed"). */
  constructor(name: string, logger: Logger, pass: (now: Date) => Promise<T>) {
    this.#name = name;
    this.#logger = logger;
    this.#pass = pass;
  }

  /** One pass at `now`, or the pass already in flight. */
  run(now = new Date()): Promise<T> {
    this.#running ??= this.#pass(now)
      .then((result) => {
        this.#lastRun = Date.now();
        return result;
      })
      .finally(() => {
        this.#running = null;
      });
    return this.#running;
  }

  /** Runs a pass every `intervalMs` in the background; 0 or less leaves the timer off. */
  start(intervalMs: number): void {
    if (this.#timer !== null || intervalMs <= 0) return;
    this.#intervalMs = intervalMs;
    this.#lastRun = Date.now();
    this.#timer = setInterval(() => {
      this.run().catch((error: unknown) =>
        this.#logger.error(`${this.#name} failed`, { error: error instanceof Error ? error.message : String(error) }),
      );
    }, intervalMs);
    this.#timer.unref();
  }

  /** How far behind its timer the job is (null when its timer does not run on this instance). */
  lag(now = Date.now()): { intervalMs: number; lagMs: number } | null {
    if (this.#timer === null) return null;
    return { intervalMs: this.#intervalMs, lagMs: Math.max(0, now - this.#lastRun - this.#intervalMs) };
  }

  /** Stops the timer and waits for the pass in flight. */
  async stop(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => undefined);
  }
}
