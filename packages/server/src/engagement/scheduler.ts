import type { Kysely } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { finalizeEndedContests } from '../gamification/contests.js';
import type { GamificationTables } from '../gamification/tables.js';
import type { Logger } from '../log.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';
import type { EngagementConfig } from './config.js';
import type { EngagementMessage } from './content.js';
import { localMoment } from './local-time.js';
import { announce } from './announcements.js';
import { buildMessage } from './message.js';
import { renderEmail } from './render/email.js';
import { renderSlack } from './render/slack.js';
import { renderTeams } from './render/teams.js';
import { queueEngagementMessage, type DeliveryContext } from '../delivery/outbox.js';
import { deliverySettings } from '../delivery/settings.js';
import { PeriodicJob } from '../periodic.js';

type SendsTables = { engagement_sends: { employee_id: string; kind: string; week: string; event_id: string; created_at: string } };
const engagementDb = (db: Kysely<Database>) => db.withTables<SendsTables & GamificationTables>();

const DAY = 86_400_000;

/** The `digest.due` webhook payload: the message, and the same message rendered for Teams, Slack and email. */
export interface DigestEvent extends EngagementMessage {
  rendered: { teams: ReturnType<typeof renderTeams>; slack: ReturnType<typeof renderSlack>; email: ReturnType<typeof renderEmail> };
}

/**
 * Every tick: stores the final leaderboard of contests that ended, queues `post.published` and
 * `click.milestone` events (./announcements.ts), then queues a `digest.due`
 * webhook event for each employee whose local time is Monday from `sendHour` (kind `digest`),
 * and for each employee without a share for `nudgeAfterDays` on the reminder weekday (kind
 * `nudge`), in the employee's language. Employees who opted out are skipped. A row per
 * (employee, kind, local ISO week) is inserted with the event in one transaction, so a message
 * goes out once per week whatever the number of instances or ticks.
 */
export class EngagementScheduler {
  readonly #db: Kysely<Database>;
  readonly #dialect: Dialect;
  readonly #config: EngagementConfig;
  readonly #logger: Logger;
  readonly #job: PeriodicJob<DigestEvent[]>;
  readonly #delivery: DeliveryContext | null;

  /** With `delivery`, each message is also queued for email, Teams and Slack as the admin's settings route it. */
  constructor(options: { db: Kysely<Database>; dialect: Dialect; config: EngagementConfig; logger: Logger; delivery?: DeliveryContext }) {
    this.#db = options.db;
    this.#delivery = options.delivery ?? null;
    this.#dialect = options.dialect;
    this.#config = options.config;
    this.#logger = options.logger;
    this.#job = new PeriodicJob('engagement tick', this.#logger, (now) => this.#tick(now));
  }

  start(): void {
    this.#job.start(this.#config.tickMs);
  }

  stop(): Promise<void> {
    return this.#job.stop();
  }

  /** One pass at `now`; resolves with the messages queued by this pass. */
  tick(now: Date): Promise<DigestEvent[]> {
    return this.#job.run(now);
  }

  /** How far behind its timer the scheduler is (null when it does not run on this instance). */
  lag(now = Date.now()): { intervalMs: number; lagMs: number } | null {
    return this.#job.lag(now);
  }

  async #tick(now: Date): Promise<DigestEvent[]> {
    await finalizeEndedContests(this.#db, now);
    await announce(this.#db, now);
    const zones = await this.#db.selectFrom('employees').select('time_zone').distinct().execute();
    const queued: DigestEvent[] = [];
    for (const { time_zone: zone } of zones) {
      const local = localMoment(now, zone);
      if (local.hour < this.#config.sendHour) continue;
      if (local.weekday === 1) queued.push(...(await this.#send(zone, 'digest', local.isoWeek, now)));
      if (local.weekday === this.#config.nudgeWeekday) queued.push(...(await this.#send(zone, 'nudge', local.isoWeek, now)));
    }
    return queued;
  }

  async #send(zone: string, kind: EngagementMessage['kind'], week: string, now: Date): Promise<DigestEvent[]> {
    const preference = kind === 'digest' ? 'digest' : 'nudges';
    const since = new Date(now.getTime() - this.#config.nudgeAfterDays * DAY).toISOString();
    const employees = await engagementDb(this.#db)
      .selectFrom('employees')
      .selectAll('employees')
      .where('employees.time_zone', '=', zone)
      // Leavers keep their row (and their links) but hear nothing more from the program.
      .where('employees.status', '=', 'active')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('engagement_sends')
              .select('engagement_sends.employee_id')
              .whereRef('engagement_sends.employee_id', '=', 'employees.id')
              .where('engagement_sends.kind', '=', kind)
              .where('engagement_sends.week', '=', week),
          ),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('employee_preferences')
              .select('employee_preferences.employee_id')
              .whereRef('employee_preferences.employee_id', '=', 'employees.id')
              .where(`employee_preferences.${preference}`, '=', 0),
          ),
        ),
      )
      .$if(kind === 'nudge', (query) =>
        query.where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('shares')
                .select('shares.id')
                .whereRef('shares.employee_id', '=', 'employees.id')
                .where('shares.created_at', '>', since),
            ),
          ),
        ),
      )
      .orderBy('employees.id')
      .execute();
    const queued: DigestEvent[] = [];
    const delivery =
      this.#delivery === null || employees.length === 0 ? null : (await deliverySettings(this.#db, this.#delivery.config)).settings;
    for (const employee of employees) {
      const message = await buildMessage(this.#db, this.#dialect, employee, kind, week, now);
      const event: DigestEvent = {
        ...message,
        rendered: { teams: renderTeams(message), slack: renderSlack(message), email: renderEmail(message) },
      };
      const sent = await this.#db.transaction().execute(async (trx) => {
        const at = now.toISOString();
        const row = await engagementDb(trx)
          .insertInto('engagement_sends')
          .values({ employee_id: employee.id, kind, week, event_id: '', created_at: at })
          .onConflict((oc) => oc.columns(['employee_id', 'kind', 'week']).doNothing())
          .returning('employee_id')
          .executeTakeFirst();
        if (row === undefined) return false;
        const queuedEvent = await enqueueWebhookEvent(trx, 'digest.due', event, at);
        if (delivery !== null) await queueEngagementMessage(trx, this.#delivery!, delivery, employee, message, at);
        await engagementDb(trx)
          .updateTable('engagement_sends')
          .set({ event_id: queuedEvent.id })
          .where('employee_id', '=', employee.id)
          .where('kind', '=', kind)
          .where('week', '=', week)
          .execute();
        return true;
      });
      if (sent) queued.push(event);
    }
    return queued;
  }
}
