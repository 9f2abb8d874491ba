import type { Logger } from '../log.js';
import { DEFAULT_BACKOFF, nextAttemptAt, type BackoffPolicy } from './backoff.js';
import type { Sender } from './send.js';
import { signWebhookPayload, SIGNATURE_HEADER } from './signature.js';
import { standardWebhookHeaders } from './standard.js';
import type { WebhookDb } from './tables.js';
import { PeriodicJob } from '../periodic.js';

export interface DispatcherOptions {
  db: WebhookDb;
  send: Sender;
  logger: Logger;
  /** Requests in flight at once. */
  concurrency?: number;
  /** How long a request may go without a byte moving. */
  timeoutMs?: number;
  /** How long one attempt may take in all; the lease on a delivery is this plus `LEASE_MARGIN_MS`. */
  deadlineMs?: number;
  /** Rows claimed per run. */
  batchSize?: number;
  backoff?: BackoffPolicy;
  /** Injectable for tests. */
  now?: () => Date;
  random?: () => number;
}

/** What a lease holds beyond the attempt's deadline: time to record the attempt's outcome. */
export const LEASE_MARGIN_MS = 5_000;

/**
 * Sends queued webhook deliveries: claims due rows (a short lease, so several instances can run
 * dispatchers on one database without sending a row twice at once), posts them signed with a
 * bounded number in flight, and records each attempt — delivered on a complete 2xx answer,
 * otherwise retried with exponential backoff and jitter until the backoff policy's age limit,
 * then failed. Each attempt renews its row's lease as it starts (only if the lease is still the
 * one this dispatcher took) and ends by its deadline, which is shorter than the lease: no other
 * dispatcher can take a row over while it is being sent.
 */
export class WebhookDispatcher {
  readonly #db: WebhookDb;
  readonly #send: Sender;
  readonly #logger: Logger;
  readonly #concurrency: number;
  readonly #timeoutMs: number;
  readonly #deadlineMs: number;
  readonly #batchSize: number;
  readonly #backoff: BackoffPolicy;
  readonly #now: () => Date;
  readonly #random: () => number;
  readonly #job: PeriodicJob<number>;

  constructor(options: DispatcherOptions) {
    this.#db = options.db;
    this.#send = options.send;
    this.#logger = options.logger;
    this.#concurrency = options.concurrency ?? 4;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#deadlineMs = options.deadlineMs ?? 30_000;
    this.#batchSize = options.batchSize ?? 50;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#now = options.now ?? (() => new Date());
    this.#random = options.random ?? Math.random;
    this.#job = new PeriodicJob('webhook dispatch', this.#logger, () => this.#run());
  }

  /** Sends every delivery due now (one batch); resolves with the number of attempts made. */
  runDue(): Promise<number> {
    return this.#job.run();
  }

  /** How far behind its timer the dispatcher is (null when it does not run on this instance). */
  lag(now = Date.now()): { intervalMs: number; lagMs: number } | null {
    return this.#job.lag(now);
  }

  /** Runs `runDue` every `intervalMs` in the background (the timer does not keep the process alive). */
  start(intervalMs: number): void {
    this.#job.start(intervalMs);
  }

  /** Stops the timer and waits for the attempts in flight. */
  stop(): Promise<void> {
    return this.#job.stop();
  }

  async #run(): Promise<number> {
    const { claimed, lease } = await this.#claim();
    let next = 0;
    let attempted = 0;
    const worker = async () => {
      while (next < claimed.length) if (await this.#attempt(claimed[next++]!, lease)) attempted++;
    };
    await Promise.all(Array.from({ length: Math.min(this.#concurrency, claimed.length) }, worker));
    return attempted;
  }

  /** The end of a lease taken now: the attempt's deadline and a margin. */
  #leaseFromNow(): string {
    return new Date(this.#now().getTime() + this.#deadlineMs + LEASE_MARGIN_MS).toISOString();
  }

  async #claim(): Promise<{ claimed: string[]; lease: string }> {
    const now = this.#now().toISOString();
    const lease = this.#leaseFromNow();
    const due = await this.#db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(this.#batchSize)
      .execute();
    const claimed: string[] = [];
    for (const { id } of due) {
      const result = await this.#db
        .updateTable('webhook_deliveries')
        .set({ locked_until: lease })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
        .executeTakeFirst();
      if (result.numUpdatedRows === 1n) claimed.push(id);
    }
    return { claimed, lease };
  }

  /** Attempts one claimed delivery; false when its lease ran out while it waited and another dispatcher took it. */
  async #attempt(id: string, claimedLease: string): Promise<boolean> {
    // Rows wait their turn behind the batch's other attempts: the lease restarts with this one.
    const renewed = await this.#db
      .updateTable('webhook_deliveries')
      .set({ locked_until: this.#leaseFromNow() })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('locked_until', '=', claimedLease)
      .executeTakeFirst();
    if (renewed.numUpdatedRows !== 1n) return false;
    const row = await this.#db
      .selectFrom('webhook_deliveries')
      .leftJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
      .select([
        'webhook_deliveries.id',
        'webhook_deliveries.payload',
        'webhook_deliveries.attempts',
        'webhook_deliveries.created_at',
        'webhook_deliveries.event_id',
        'webhook_deliveries.event_type',
        'webhook_endpoints.url',
        'webhook_endpoints.secret',
        'webhook_endpoints.active',
      ])
      .where('webhook_deliveries.id', '=', id)
      .executeTakeFirstOrThrow();
    const attempts = Number(row.attempts) + 1;
    if (row.url === null || row.secret === null || Number(row.active) !== 1) {
      await this.#finish(id, {
        status: 'failed',
        attempts,
        next_attempt_at: null,
        response_status: null,
        response_body: null,
        error: 'The endpoint was removed or disabled.',
      });
      return true;
    }
    const sentAt = Math.floor(this.#now().getTime() / 1000);
    const result = await this.#send(
      row.url,
      row.payload,
      {
        // Standard Webhooks: the message id is the event's, so every attempt and replay of it has
        // the same one and receivers dedupe on it.
        ...standardWebhookHeaders(row.event_id, sentAt, row.payload, [row.secret]),
        // Deprecated, kept while receivers move to the standard headers.
        [SIGNATURE_HEADER]: signWebhookPayload(row.payload, row.secret, sentAt),
        'Advocacy-Event-Id': row.event_id,
        'Advocacy-Event-Type': row.event_type,
        'Advocacy-Delivery-Id': id,
      },
      { idleMs: this.#timeoutMs, deadlineMs: this.#deadlineMs },
    );
    // A 2xx whose answer never completed (reset, or cut at the deadline) is not a delivery.
    const ok = result.error === null && result.status !== null && result.status >= 200 && result.status < 300;
    const error = ok ? null : (result.error ?? `HTTP ${result.status}`);
    if (ok) {
      await this.#finish(id, {
        status: 'delivered',
        attempts,
        next_attempt_at: null,
        response_status: result.status,
        response_body: result.body,
        error: null,
        delivered_at: this.#now().toISOString(),
      });
      return true;
    }
    const retryAt = nextAttemptAt(this.#backoff, attempts, new Date(row.created_at), this.#now(), this.#random());
    this.#logger.warn('webhook attempt failed', { delivery: id, attempts, status: result.status, willRetry: retryAt !== null });
    await this.#finish(id, {
      status: retryAt === null ? 'failed' : 'pending',
      attempts,
      next_attempt_at: retryAt?.toISOString() ?? null,
      response_status: result.status,
      response_body: result.body,
      error,
    });
    return true;
  }

  async #finish(
    id: string,
    changes: {
      status: string;
      attempts: number;
      next_attempt_at: string | null;
      response_status: number | null;
      response_body: string | null;
      error: string | null;
      delivered_at?: string;
    },
  ): Promise<void> {
    await this.#db
      .updateTable('webhook_deliveries')
      .set({ ...changes, locked_until: null, updated_at: this.#now().toISOString() })
      .where('id', '=', id)
      .execute();
  }
}
