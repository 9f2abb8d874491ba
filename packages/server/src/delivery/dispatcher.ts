import type { DeliveryChannel } from '@advocacy-kit/core';
import type { Logger } from '../log.js';
import { DEFAULT_BACKOFF, nextAttemptAt, type BackoffPolicy } from '../webhooks/backoff.js';
import { LEASE_MARGIN_MS } from '../webhooks/dispatcher.js';
import type { Sender } from '../webhooks/send.js';
import type { DeliveryConfig } from './config.js';
import type { EmailPayload } from './render.js';
import { deliverySettings, type EffectiveDelivery } from './settings.js';
import { deliveryDb, type DeliveryDb, type DeliveryTables } from './tables.js';
import type { Mailer, MailSession } from './transports.js';
import type { Db } from '../db/database.js';
import type { GamificationTables } from '../gamification/tables.js';
import { PeriodicJob } from '../periodic.js';

export interface DeliveryDispatcherOptions {
  db: Db;
  config: DeliveryConfig;
  mailer: Mailer;
  /** Posts Teams and Slack bodies (the webhooks' sender, with the same address guard). */
  send: Sender;
  logger: Logger;
  batchSize?: number;
  backoff?: BackoffPolicy;
  /** Injectable for tests: the retry clock. */
  now?: () => Date;
  random?: () => number;
}

type Row = DeliveryTables['delivery_outbox'];
/** One dispatcher pass: the settings read at its start, and its SMTP session. */
type Pass = { settings: EffectiveDelivery; mail: () => MailSession; close: () => void };
type Outcome = { status: 'delivered' | 'pending' | 'failed' | 'skipped'; error: string | null };

/**
 * Sends the delivery outbox, as the webhook dispatcher sends its own: claims due rows with a
 * lease (several instances may run it on one database without sending a row twice at once),
 * sends each (email over SMTP, Teams and Slack over HTTPS), and records each attempt: delivered,
 * retried with the webhooks' backoff until its age limit, then failed. A digest or reminder
 * whose employee opted out or left after it was queued is skipped, not sent.
 */
export class DeliveryDispatcher {
  readonly #db: DeliveryDb;
  readonly #plainDb: Db;
  readonly #config: DeliveryConfig;
  readonly #mailer: Mailer;
  readonly #send: Sender;
  readonly #logger: Logger;
  readonly #batchSize: number;
  readonly #backoff: BackoffPolicy;
  readonly #now: () => Date;
  readonly #random: () => number;
  readonly #job: PeriodicJob<number>;

  constructor(options: DeliveryDispatcherOptions) {
    this.#db = deliveryDb(options.db);
    this.#plainDb = options.db;
    this.#config = options.config;
    this.#mailer = options.mailer;
    this.#send = options.send;
    this.#logger = options.logger;
    this.#batchSize = options.batchSize ?? 50;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#now = options.now ?? (() => new Date());
    this.#random = options.random ?? Math.random;
    this.#job = new PeriodicJob('delivery dispatch', this.#logger, () => this.#run());
  }

  /** Sends every message due now (one batch); resolves with the number of attempts made. */
  runDue(): Promise<number> {
    return this.#job.run();
  }

  /** Attempts one message now if it is pending and no one else holds it (an admin's test message). */
  async sendNow(id: string): Promise<void> {
    const lease = this.#lease();
    const now = this.#now().toISOString();
    const taken = await this.#db
      .updateTable('delivery_outbox')
      .set({ locked_until: lease })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .executeTakeFirst();
    if (taken.numUpdatedRows !== 1n) return;
    const pass = this.#session(await deliverySettings(this.#plainDb, this.#config));
    try {
      await this.#attempt(id, pass);
    } finally {
      pass.close();
    }
  }

  /** The settings of a pass, and its SMTP session, opened with the pass's first email. */
  #session(settings: EffectiveDelivery): Pass {
    let session: MailSession | null = null;
    return {
      settings,
      mail: () => (session ??= this.#mailer(settings)),
      close: () => session?.close(),
    };
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

  #lease(): string {
    return new Date(this.#now().getTime() + this.#config.deadlineMs + LEASE_MARGIN_MS).toISOString();
  }

  async #run(): Promise<number> {
    const now = this.#now().toISOString();
    const due = await this.#db
      .selectFrom('delivery_outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(this.#batchSize)
      .execute();
    if (due.length === 0) return 0;
    const pass = this.#session(await deliverySettings(this.#plainDb, this.#config));
    let attempted = 0;
    try {
      // One at a time: an SMTP server or a chat webhook is one endpoint, and order is kept.
      for (const { id } of due) {
        const taken = await this.#db
          .updateTable('delivery_outbox')
          .set({ locked_until: this.#lease() })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', this.#now().toISOString())]))
          .executeTakeFirst();
        if (taken.numUpdatedRows !== 1n) continue;
        await this.#attempt(id, pass);
        attempted++;
      }
    } finally {
      pass.close();
    }
    return attempted;
  }

  async #attempt(id: string, pass: Pass): Promise<void> {
    const row = await this.#db.selectFrom('delivery_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const attempts = Number(row.attempts) + 1;
    const skip = await this.#skipReason(row);
    let outcome: Outcome = { status: 'skipped', error: skip };
    if (skip === null) {
      const error = await this.#deliver(row, pass);
      outcome = error === null ? { status: 'delivered', error: null } : { status: 'pending', error };
    }
    const now = this.#now().toISOString();
    const retryAt =
      outcome.status === 'pending' ? nextAttemptAt(this.#backoff, attempts, new Date(row.created_at), this.#now(), this.#random()) : null;
    const status = outcome.status === 'pending' && retryAt === null ? 'failed' : outcome.status;
    if (outcome.error !== null && outcome.status !== 'skipped')
      this.#logger.warn('delivery attempt failed', { message: id, channel: row.channel, attempts, willRetry: retryAt !== null });
    await this.#db
      .updateTable('delivery_outbox')
      .set({
        status,
        attempts: outcome.status === 'skipped' ? Number(row.attempts) : attempts,
        next_attempt_at: retryAt?.toISOString() ?? null,
        locked_until: null,
        error: outcome.error,
        updated_at: now,
        delivered_at: status === 'delivered' ? now : null,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Why a queued message should not go out any more: its employee left or opted out since. */
  async #skipReason(row: Row): Promise<string | null> {
    if (row.employee_id === null) return null;
    const employee = await this.#db
      .withTables<GamificationTables>()
      .selectFrom('employees')
      .leftJoin('employee_preferences', 'employee_preferences.employee_id', 'employees.id')
      .select(['employees.status', 'employee_preferences.digest', 'employee_preferences.nudges'])
      .where('employees.id', '=', row.employee_id)
      .executeTakeFirst();
    if (employee === undefined || employee.status !== 'active') return 'The employee is no longer active.';
    const digestOff = employee.digest !== null && Number(employee.digest) === 0;
    const nudgesOff = employee.nudges !== null && Number(employee.nudges) === 0;
    if (
      (row.kind === 'digest' && digestOff) ||
      (row.kind === 'nudge' && nudgesOff) ||
      (row.kind === 'invitation' && digestOff && nudgesOff)
    )
      return 'The employee opted out.';
    return null;
  }

  /** Sends one message; the error in words, or null when it was accepted. */
  async #deliver(row: Row, pass: Pass): Promise<string | null> {
    const channel = row.channel as DeliveryChannel;
    const { settings } = pass.settings;
    if (channel === 'email') {
      const payload = JSON.parse(row.payload) as EmailPayload;
      if (row.recipient === null) return 'No recipient.';
      const domain = (settings.fromAddress ?? 'advocacy.invalid').split('@').pop()!;
      const headers: Record<string, string> = { 'Content-Language': payload.locale, 'Auto-Submitted': 'auto-generated' };
      if (payload.unsubscribeUrl !== null) {
        headers['List-Unsubscribe'] = `<${payload.unsubscribeUrl}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      const result = await pass.mail().send({
        to: row.recipient,
        subject: row.subject,
        html: payload.html,
        text: payload.text,
        messageId: `<${row.id}@${domain}>`,
        headers,
      });
      return result.error;
    }
    const url = channel === 'teams' ? settings.teamsUrl : settings.slackUrl;
    if (url === null) return `${channel === 'teams' ? 'Teams' : 'Slack'} is not configured.`;
    const result = await this.#send(
      url,
      row.payload,
      {},
      { idleMs: Math.min(10_000, this.#config.deadlineMs), deadlineMs: this.#config.deadlineMs },
    );
    if (result.error === null && result.status !== null && result.status >= 200 && result.status < 300) return null;
    return result.error ?? `HTTP ${result.status}${result.body === '' ? '' : `: ${result.body.slice(0, 200)}`}`;
  }
}
