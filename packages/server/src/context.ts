import type { SharePacker } from './analytics/share-packs.js';
import type { Employee } from '@advocacy-kit/core';
import type { ServerConfig } from './config.js';
import type { Db, Dialect } from './db/database.js';
import type { DatabaseMonitor } from './db/monitor.js';
import type { ReadinessCheck } from './health/readiness.js';
import type { Limiter, RateLimiter } from './http/rate-limit.js';
import type { RequestValidator } from './http/validate.js';
import type { Logger } from './log.js';
import type { TokenVerifier } from './auth/tokens.js';
import type { SignInCache } from './auth/sign-ins.js';
import type { ClickRecorder } from './tracking/click-recorder.js';
import type { LinkCache } from './tracking/link-cache.js';
import type { EngagementScheduler } from './engagement/scheduler.js';
import type { WebhookDispatcher } from './webhooks/dispatcher.js';
import type { DeliveryDispatcher } from './delivery/dispatcher.js';
import type { RetentionService } from './privacy/retention.js';
import type { SourceScheduler } from './sources/scheduler.js';
import type { PointRulesCache } from './point-rules/schedule.js';

/** Everything a route needs, built once per app. */
export interface Services {
  config: ServerConfig;
  db: Db;
  dialect: Dialect;
  /** Whether the database is there: failures logged once per outage, recovery watched with backoff. */
  database: DatabaseMonitor;
  /** What `/health/ready` checks; a capability may push a check of its own. */
  readiness: ReadinessCheck[];
  logger: Logger;
  validator: RequestValidator;
  verifyToken: TokenVerifier;
  /** Tokens verified lately and their employees (auth/sign-ins.ts). */
  signIns: SignInCache;
  clicks: ClickRecorder;
  links: LinkCache;
  /** Secret key of visitor hashes, and of the sharer's network kept with each share. */
  clickSalt: string;
  /**
   * The redirect's limit is the instance's own; the others are shared by every instance on
   * PostgreSQL (http/rate-limit.ts).
   */
  limits: { redirect: RateLimiter; writes: Limiter; conversions: Limiter };
  /** Sends queued webhook deliveries in the background. */
  webhooks: WebhookDispatcher;
  /** Sends queued emails and Teams/Slack messages in the background (delivery/). */
  delivery: DeliveryDispatcher;
  /** Weekly digests, reminders and contest results on a timer. */
  engagement: EngagementScheduler;
  /** Deletes raw click rows past the retention on a timer (privacy/retention.ts). */
  retention: RetentionService;
  /** Fetches curated RSS/Atom sources that are due, on a timer (sources/scheduler.ts). */
  sources: SourceScheduler;
  /** Packs closed hours' sharers for the analytics summary (analytics/share-packs.ts). */
  sharePacks: SharePacker;
  /** The point rules in effect at any time: the configured defaults and the admin's versions, cached (point-rules/). */
  pointRules: PointRulesCache;
}

/** Hono's typed context: the signed-in employee, set by the auth middleware. */
export interface AppEnv {
  Variables: {
    employee: Employee;
    /** For operations only the company's systems may call: the source name of the API key sent. */
    apiSource: string;
  };
}
