import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { demoSecret } from './auth/demo-secret.js';
import { createTokenVerifier } from './auth/tokens.js';
import { SignInCache, signInWatch } from './auth/sign-ins.js';
import { capabilities } from './capabilities.js';
import type { ServerConfig } from './config.js';
import type { AppEnv, Services } from './context.js';
import { openDatabase } from './db/database.js';
import { databaseFailure, FAILURE_DETAIL, RETRY_AFTER_SECONDS } from './db/failure.js';
import { DatabaseMonitor } from './db/monitor.js';
import { defaultReadiness, writeProbe } from './health/readiness.js';
import { healthRoutes } from './health/routes.js';
import { compressJson } from './http/compression.js';
import { corsHeaders } from './http/cors.js';
import { databaseUnavailable, HttpProblem, invalid, notFound, problemResponse } from './http/problem.js';
import { RateLimiter, writeLimiter } from './http/rate-limit.js';
import { RequestValidator } from './http/validate.js';
import { createLogger, type Logger } from './log.js';
import { migrateToLatest } from './migrations.js';
import { openApiDocument } from '@advocacy-kit/core/contract';
import type { ClickShutdown } from './tracking/click-recorder.js';
import type { ClickStore } from './tracking/click-store.js';
import { openClicks } from './tracking/clicks.js';
import { PointRulesCache } from './point-rules/schedule.js';
import { LinkCache } from './tracking/link-cache.js';
import { clickSalt } from './tracking/salt.js';
import { EngagementScheduler } from './engagement/scheduler.js';
import { SourceScheduler } from './sources/scheduler.js';
import { SharePacker } from './analytics/share-packs.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';
import { httpSender } from './webhooks/send.js';
import { webhookDb } from './webhooks/tables.js';
import { RetentionService } from './privacy/retention.js';
import { DeliveryDispatcher } from './delivery/dispatcher.js';
import { deliveryContext } from './delivery/outbox.js';
import { smtpMailer } from './delivery/transports.js';

export const API_PREFIX = '/api/v1';

export interface AdvocacyApp {
  /** The Hono app: `app.fetch(request)` or `app.request(path, init)` without listening. */
  app: Hono<AppEnv>;
  services: Services;
  /** Writes buffered clicks now. */
  flush(): Promise<void>;
  /**
   * Stores pending clicks (until `deadline`, a `Date.now()` time, if given; the rest stay in the
   * spool) and closes the database; resolves with what the clicks left behind.
   */
  close(options?: { deadline?: number }): Promise<ClickShutdown>;
}

/** Opens (and migrates) the database and builds the app. Stateless apart from the database. */
export async function createApp(config: ServerConfig, options: { logger?: Logger } = {}): Promise<AdvocacyApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const database = new DatabaseMonitor(logger);
  const signInWrites = signInWatch();
  const { db, dialect, location } = openDatabase({
    ...config,
    onConnectionError: (error) => database.failed(error),
    writeWatch: signInWrites,
  });
  database.watch(location, () => writeProbe({ db }));
  let salt: string;
  try {
    await migrateToLatest(db);
    salt = await clickSalt(db, config.clickSalt);
    // Demo sign-in signs with a secret kept in the database (it refuses a configured one).
    if (config.auth.demo) config = { ...config, auth: { ...config.auth, jwtSecret: await demoSecret(db) } };
  } catch (error) {
    await db.destroy().catch(() => {});
    throw startFailure(error, location);
  }
  const pointRules = new PointRulesCache(db, config.rules);
  const clicks = await openClicks({ config, db, dialect, salt, logger, pointRules, wrapStore: (store) => watched(store, database) });
  const services: Services = {
    config,
    db,
    dialect,
    database,
    readiness: [],
    logger,
    validator: new RequestValidator(),
    verifyToken: createTokenVerifier(config.auth, logger),
    signIns: new SignInCache(config.auth.signInCacheMs, signInWrites),
    clicks: clicks.recorder,
    links: new LinkCache(db),
    clickSalt: salt,
    limits: {
      redirect: new RateLimiter(config.rateLimits.redirect),
      writes: writeLimiter(db, dialect, 'writes', config.rateLimits.writes),
      conversions: writeLimiter(db, dialect, 'conversions', config.rateLimits.conversions),
    },
    webhooks: new WebhookDispatcher({
      db: webhookDb(db),
      send: httpSender({ allowHttp: config.webhooks.allowHttp, allowPrivate: config.webhooks.allowPrivateTargets }),
      logger,
      concurrency: config.webhooks.concurrency,
      timeoutMs: config.webhooks.timeoutMs,
      deadlineMs: config.webhooks.deadlineMs,
    }),
    delivery: new DeliveryDispatcher({
      db,
      config: config.delivery,
      mailer: smtpMailer(config.delivery.deadlineMs),
      send: httpSender({ allowHttp: config.delivery.allowHttp, allowPrivate: config.delivery.allowPrivateTargets }),
      logger,
    }),
    engagement: new EngagementScheduler({ db, dialect, config: config.engagement, logger, delivery: deliveryContext(config, salt) }),
    retention: new RetentionService({ db, config: config.privacy, logger }),
    sources: new SourceScheduler({ db, config: config.sources, logger }),
    sharePacks: new SharePacker(db, dialect, logger),
    pointRules,
  };
  services.readiness.push(...defaultReadiness(services));
  services.webhooks.start(config.webhooks.dispatchIntervalMs);
  services.engagement.start();
  services.delivery.start(config.delivery.dispatchIntervalMs);
  services.retention.start();
  services.sources.start();
  services.sharePacks.start();
  const app = buildRoutes(services);
  return {
    app,
    services,
    flush: () => services.clicks.flush(),
    async close(options = {}) {
      await services.engagement.stop();
      await services.retention.stop();
      await services.sources.stop();
      await services.sharePacks.stop();
      await services.webhooks.stop();
      await services.delivery.stop();
      const shutdown = await clicks.close(options.deadline);
      database.stop();
      await db.destroy();
      return shutdown;
    },
  };
}

/** The shared middleware and routes, and each capability's routes in the order of capabilities.ts. */
function buildRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const document = openApiDocument(s.config.publicUrl);

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    s.logger.info('request', {
      method: c.req.method,
      path: c.req.routePath === '/r/:code' ? '/r/:code' : c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(error);
    // The database away (unreachable, too slow, full, read-only): a 503 the client may retry, logged once per outage.
    const failure = s.database.failed(error);
    if (failure !== null) return problemResponse(databaseUnavailable(FAILURE_DETAIL[failure.kind], RETRY_AFTER_SECONDS[failure.kind]));
    s.logger.error('unhandled error', {
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      error: error instanceof Error ? error.stack : String(error),
    });
    return problemResponse(new HttpProblem(500, 'server', 'Something went wrong on the server; try again later.'));
  });
  app.notFound((c) => problemResponse(notFound(`No route for ${c.req.method} ${new URL(c.req.url).pathname}.`)));

  healthRoutes(app, s);
  app.get('/openapi.json', (c) => c.json(document));
  for (const capability of capabilities) capability.rootRoutes?.(app, s);

  const api = new Hono<AppEnv>();
  // A write that went through ends a "disk full" or "read-only" condition (readiness holds it until then).
  api.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS' && c.res.status < 300) s.database.succeeded();
  });
  // API answers only: the /r/ redirect above stays a bare, uncompressed hot path.
  api.use('*', compressJson());
  api.use(
    '*',
    corsHeaders({
      origin: (origin) => (s.config.corsOrigins.includes(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Api-Key'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );
  const tooLarge = (limit: number) => () => {
    throw invalid(413, `The request body is larger than ${Math.round(limit / 1024)} KB.`);
  };
  const eventsLimit = bodyLimit({ maxSize: s.config.eventsBodyLimitBytes, onError: tooLarge(s.config.eventsBodyLimitBytes) });
  const otherLimit = bodyLimit({ maxSize: s.config.bodyLimitBytes, onError: tooLarge(s.config.bodyLimitBytes) });
  // A GET or HEAD has no body to measure: asking would build the web Request for nothing.
  api.use('*', (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return (c.req.path.endsWith('/events') ? eventsLimit : otherLimit)(c, next);
  });

  // Each route checks its caller as its operation says, so an unknown path is a 404 for everyone.
  for (const capability of capabilities) capability.routes?.(api, s);

  app.route(API_PREFIX, api);
  return app;
}

/** The click store, telling the monitor when a batch could not be written and when one was. */
function watched(store: ClickStore, database: DatabaseMonitor): ClickStore {
  return async (batch) => {
    try {
      const unique = await store(batch);
      database.succeeded();
      return unique;
    } catch (error) {
      database.failed(error);
      throw error;
    }
  };
}

/** Why the server cannot start, in words and with where the data lives. */
function startFailure(error: unknown, location: string): Error {
  const failure = databaseFailure(error);
  if (failure === null) return error instanceof Error ? error : new Error(String(error));
  const hint: Record<typeof failure.kind, string> = {
    unreachable: 'check DATABASE_URL and that the database server is running and reachable',
    timeout: 'the database did not answer in time; check that it is running and not overloaded',
    busy: 'another process holds the database; try again',
    full: 'free some space on its disk',
    read_only: 'make the data folder and file writable by this user',
  };
  return new Error(`Cannot start: ${failure.cause}: ${location} (${hint[failure.kind]}).`, { cause: error });
}
