import { dirname, join, resolve } from 'node:path';
import type { Rules, RulesOverrides } from '@advocacy-kit/core/rules';
import {
  checkAuthConfig,
  DEFAULT_MAX_TOKEN_AGE_SECONDS,
  DEFAULT_SIGN_IN_CACHE_MS,
  oneOrMany,
  parseDuration,
  requireSecretBytes,
} from './auth/config.js';
import { DEFAULT_DATABASE_POOL_SIZE, DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from './db/database.js';
import { checkApiKeys, parseApiKeys, type ApiKey } from './auth/api-keys.js';
import { DEFAULT_DELIVERY, deliveryConfigFromEnv, type DeliveryConfig } from './delivery/config.js';
import { DEFAULT_ENGAGEMENT, engagementConfigFromEnv, type EngagementConfig } from './engagement/config.js';
import { DEFAULT_SOURCES, sourcesConfigFromEnv, type SourcesConfig } from './sources/config.js';
import { DEFAULT_PRIVACY, privacyConfigFromEnv, type PrivacyConfig } from './privacy/config.js';
import { proxyTrust, type ProxyTrust } from './http/client-ip.js';
import { resolveRules, rulesFromEnv } from './rules/overrides.js';
import { DEFAULT_WEBHOOKS, webhookConfigFromEnv, type WebhookConfig } from './webhooks/config.js';
import { checkScimConfig, DEFAULT_SCIM, scimConfigFromEnv, type ScimConfig } from './scim/config.js';

export interface RateLimit {
  /** Bucket size: requests allowed in a burst. */
  burst: number;
  /** Tokens added back per second. */
  perSecond: number;
}

export interface AuthConfig {
  /** HS256 shared secret (at least 32 bytes); used when no JWKS URL is set. */
  jwtSecret: string | null;
  /** https URL of the identity provider's keys; needs `issuer` and `audience`. */
  jwksUrl: string | null;
  /** Accepted `iss`: one, or any of several. */
  issuer: string | string[] | null;
  /** Accepted `aud`: one, or any of several. */
  audience: string | string[] | null;
  /**
   * Claim(s) that hold the roles: a name or dotted path (`realm_access.roles`), several separated
   * by commas (`roles,groups`); each an array or a space/comma-separated string.
   */
  rolesClaim: string;
  /** Role values that make a program admin (any of them, exact match). */
  adminRoles: string[];
  /** Claim that holds the employee id (`sub`; `oid` for Entra ID, `uid` for Okta). */
  subjectClaim: string;
  /** Claim(s) with the team (name or dotted path, several separated by commas: the first present wins). */
  teamClaim: string;
  /** Claim with the display name. */
  nameClaim: string;
  /** Claim with the locale (a language tag). */
  localeClaim: string;
  /** Claim with the email address (`email`); `preferred_username` or `upn` stand in when they are addresses. */
  emailClaim: string;
  /** Claim with the IANA time zone (`zoneinfo`); anything else leaves the stored zone alone. */
  timeZoneClaim: string;
  /** A scope every token must carry in `scp` or `scope`; null for none. */
  requiredScope: string | null;
  /** Longest a token may live (`exp - iat`) or have lived (`now - iat`), in seconds. */
  maxTokenAgeSeconds: number;
  /**
   * How long a verified token, and the employee it signed in as, may answer read requests
   * without being checked again, in ms (auth/sign-ins.ts); 0 checks on every request.
   */
  signInCacheMs: number;
  /**
   * Enables `/auth/demo-employees` and `/auth/demo-token`. Never in production: refused with
   * NODE_ENV=production or a configured secret; the tokens are signed with a secret kept in the
   * database.
   */
  demo: boolean;
  /** Keys accepted in `X-Api-Key` for server-to-server conversions, each with its system's source name. */
  apiKeys: ApiKey[];
}

export interface ServerConfig {
  port: number;
  host: string;
  /** Base of tracking URLs: `${publicUrl}/r/<code>`. */
  publicUrl: string;
  /** A `postgres://` URL, or null for the embedded SQLite file. */
  databaseUrl: string | null;
  /** SQLite file; `:memory:` for tests. */
  sqliteFile: string;
  /** PostgreSQL: how long a request waits for a connection and for one statement before it answers 503. */
  databaseTimeouts: DatabaseTimeouts;
  /** PostgreSQL: most connections this instance opens for requests and background work (its click writer keeps its own). */
  databasePoolSize: number;
  auth: AuthConfig;
  corsOrigins: string[];
  /** Secret for visitor hashes; generated and stored in the database when null. */
  clickSalt: string | null;
  /** Which proxies may tell the client's address in X-Forwarded-For (TRUST_PROXY, TRUSTED_PROXIES). */
  trustProxy: ProxyTrust;
  logLevel: LogLevel;
  /** Points, the click cap, badges, reach and content-mix targets (`@advocacy-kit/core/rules`). */
  rules: Rules;
  rateLimits: { redirect: RateLimit; writes: RateLimit; conversions: RateLimit };
  /** Largest request body accepted, in bytes (413 above). */
  bodyLimitBytes: number;
  /** Larger limit for `POST /events` (up to 500 events per batch). */
  eventsBodyLimitBytes: number;
  clickFlush: { maxBatch: number; intervalMs: number };
  /**
   * Where answered clicks wait for the database (one file line each, written before the redirect
   * answers, replayed on start), and its bound in bytes. `dir: null` keeps them in memory only
   * (the default for an in-memory database).
   */
  clickSpool: { dir: string | null; maxBytes: number };
  /** How long a SIGTERM/SIGINT stop may take; clicks not stored by then stay in the spool. */
  shutdownTimeoutMs: number;
  /**
   * How old the other employees' points on a leaderboard may be, in ms (points/boards.ts): each
   * period's board is read in one pass over the ledger and kept this long. The caller's own
   * points, this instance's awards and directory changes (leavers, teams, opt-ins) show at once.
   * 0 reads the ledger on every request.
   */
  leaderboardStalenessMs: number;
  webhooks: WebhookConfig;
  engagement: EngagementConfig;
  /** Email, Teams and Slack delivery defaults (delivery/config.ts). */
  delivery: DeliveryConfig;
  /** Curated RSS/Atom sources (sources/config.ts). */
  sources: SourcesConfig;
  /** SCIM provisioning from the identity provider (scim/config.ts). */
  scim: ScimConfig;
  /** Click retention (privacy/config.ts). */
  privacy: PrivacyConfig;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** The defaults of `rateLimits`. */
export const DEFAULT_RATE_LIMITS: ServerConfig['rateLimits'] = {
  redirect: { burst: 200, perSecond: 50 },
  writes: { burst: 120, perSecond: 10 },
  conversions: { burst: 100, perSecond: 20 },
};

/** `RATE_LIMIT_<NAME>` as `burst/perSecond` (e.g. `120/10`), else the default. */
function rateLimit(env: Env, name: string, fallback: RateLimit): RateLimit {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(raw.trim());
  const burst = Number(match?.[1]);
  const perSecond = Number(match?.[2]);
  if (match === null || burst < 1 || perSecond <= 0) {
    throw new Error(`${name} must be a burst and a rate per second such as 120/10 (both above 0), got "${raw}".`);
  }
  return { burst, perSecond };
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function flag(raw: string | undefined): boolean {
  return raw === '1' || raw === 'true';
}

/** TRUST_PROXY: a number of proxies; `true` (the old on/off switch) is one. */
function hops(raw: string | undefined): number {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false') return 0;
  if (value === 'true') return 1;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  throw new Error(
    `TRUST_PROXY must be the number of proxies in front of the server that append to X-Forwarded-For (1, 2, …; true means 1), got "${raw}".`,
  );
}

function checkPublicUrl(value: string): void {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (
    url === null ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username !== '' ||
    url.password !== '' ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    throw new Error(
      `PUBLIC_URL must be an http(s) URL without query or credentials, such as https://go.example.com (the base of every tracking link); got "${value}".`,
    );
  }
}

function checkOrigin(value: string): void {
  if (value === '*') {
    throw new Error('CORS_ORIGINS lists origins one by one, such as https://intranet.example,https://cms.example: "*" is not accepted.');
  }
  if (value === 'null') {
    throw new Error(
      'CORS_ORIGINS must not list "null": sandboxed frames and local files send it, and any page can make one. List the real origins.',
    );
  }
  let origin: string | null = null;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') origin = url.origin;
  } catch {
    // reported below
  }
  if (origin !== value) {
    throw new Error(
      `CORS_ORIGINS must list origins (scheme://host[:port], no path), such as ${origin ?? 'https://intranet.example'}; got "${value}".`,
    );
  }
}

/** Reads the configuration from environment variables (documented in the README). */
/** Default of `leaderboardStalenessMs` (LEADERBOARD_STALENESS_MS). */
export const DEFAULT_LEADERBOARD_STALENESS_MS = 10_000;

/**
 * Most clicks stored in one transaction. A batch is what arrived while the last one ran, so it
 * reaches this only when clicks come faster than they are stored. Each new click lands on a
 * randomly placed page of the clicks' b-tree (keyed by visitor hash), and a commit writes every
 * page its batch changed: past a few hundred thousand clicks a batch of 500 wrote about two pages
 * per click, one of 2,000 about 1.4 (bench/click-writer.mjs), and the writer caught up faster. A
 * larger batch holds SQLite's write lock longer (tens of milliseconds at this size).
 */
const CLICK_BATCH_MAX = 2_000;

export function loadConfig(env: Env = process.env): ServerConfig {
  const port = int(env, 'PORT', 8787);
  const host = env.HOST ?? '0.0.0.0';
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    // Only the scheme: the rest may hold a password.
    throw new Error(
      `DATABASE_URL must be a postgres:// URL, or unset for the embedded SQLite file in DATA_DIR; got one starting "${databaseUrl.split(':')[0]}:".`,
    );
  }
  const dataDir = resolve(env.DATA_DIR ?? './.data');
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const demo = flag(env.ADVOCACY_DEMO_AUTH);
  if (demo && env.NODE_ENV === 'production') {
    throw new Error(
      'ADVOCACY_DEMO_AUTH=1 lets anyone sign in as anyone, so it refuses to run with NODE_ENV=production: unset ADVOCACY_DEMO_AUTH.',
    );
  }
  const jwtSecret = env.AUTH_JWT_SECRET || null;
  const maxTokenAge = env.AUTH_MAX_TOKEN_AGE ? parseDuration(env.AUTH_MAX_TOKEN_AGE) : DEFAULT_MAX_TOKEN_AGE_SECONDS;
  if (maxTokenAge === null) {
    throw new Error(`AUTH_MAX_TOKEN_AGE must be a duration such as 3600 (seconds), 90m, 24h or 1d, got "${env.AUTH_MAX_TOKEN_AGE}".`);
  }
  return resolveConfig({
    port,
    host,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    databaseUrl,
    sqliteFile: resolve(dataDir, 'advocacy.sqlite'),
    databaseTimeouts: {
      connectMs: int(env, 'DATABASE_CONNECT_TIMEOUT_MS', DEFAULT_DATABASE_TIMEOUTS.connectMs),
      statementMs: int(env, 'DATABASE_STATEMENT_TIMEOUT_MS', DEFAULT_DATABASE_TIMEOUTS.statementMs),
    },
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', DEFAULT_DATABASE_POOL_SIZE),
    auth: {
      jwtSecret,
      jwksUrl: env.AUTH_JWKS_URL || null,
      issuer: oneOrMany(env.AUTH_ISSUER),
      audience: oneOrMany(env.AUTH_AUDIENCE),
      rolesClaim: env.AUTH_ROLES_CLAIM || 'roles',
      adminRoles: env.AUTH_ADMIN_ROLES ? list(env.AUTH_ADMIN_ROLES) : ['admin'],
      subjectClaim: env.AUTH_SUBJECT_CLAIM?.trim() || 'sub',
      teamClaim: env.AUTH_TEAM_CLAIM || 'team',
      nameClaim: env.AUTH_NAME_CLAIM?.trim() || 'name',
      localeClaim: env.AUTH_LOCALE_CLAIM?.trim() || 'locale',
      emailClaim: env.AUTH_EMAIL_CLAIM?.trim() || 'email',
      timeZoneClaim: env.AUTH_TIME_ZONE_CLAIM?.trim() || 'zoneinfo',
      requiredScope: env.AUTH_REQUIRED_SCOPE?.trim() || null,
      maxTokenAgeSeconds: maxTokenAge,
      signInCacheMs: int(env, 'AUTH_SIGN_IN_CACHE_MS', DEFAULT_SIGN_IN_CACHE_MS),
      demo,
      apiKeys: parseApiKeys(env.ADVOCACY_API_KEYS),
    },
    corsOrigins: list(env.CORS_ORIGINS),
    clickSalt: env.CLICK_SALT || null,
    trustProxy: hops(env.TRUST_PROXY),
    trustedProxies: list(env.TRUSTED_PROXIES),
    logLevel,
    rules: rulesFromEnv(env),
    webhooks: webhookConfigFromEnv(env),
    scim: scimConfigFromEnv(env),
    engagement: engagementConfigFromEnv(env),
    delivery: deliveryConfigFromEnv(env),
    sources: sourcesConfigFromEnv(env),
    privacy: privacyConfigFromEnv(env),
    clickSpool: {
      dir: resolve(env.CLICK_SPOOL_DIR || join(dataDir, 'click-spool')),
      maxBytes: int(env, 'CLICK_SPOOL_MAX_MB', 256) * 1024 * 1024,
    },
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000),
    rateLimits: {
      redirect: rateLimit(env, 'RATE_LIMIT_REDIRECT', DEFAULT_RATE_LIMITS.redirect),
      writes: rateLimit(env, 'RATE_LIMIT_WRITES', DEFAULT_RATE_LIMITS.writes),
      conversions: rateLimit(env, 'RATE_LIMIT_CONVERSIONS', DEFAULT_RATE_LIMITS.conversions),
    },
    leaderboardStalenessMs: int(env, 'LEADERBOARD_STALENESS_MS', DEFAULT_LEADERBOARD_STALENESS_MS),
  });
}

/** DATABASE_POOL_SIZE: 1 to 1,000 connections. */
function poolSize(size: number): number {
  if (!Number.isSafeInteger(size) || size < 1 || size > 1000)
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000, got ${size}.`);
  return size;
}

/**
 * Fills the defaults of a partial configuration. Tests and embedders call
 * `createApp(resolveConfig({ ... }))` without touching the environment.
 */
export function resolveConfig(
  partial: Partial<
    Omit<ServerConfig, 'auth' | 'webhooks' | 'engagement' | 'delivery' | 'privacy' | 'rules' | 'trustProxy' | 'scim' | 'sources'>
  > & {
    auth?: Partial<AuthConfig>;
    /** Proxies in front of the server that append to X-Forwarded-For; `true` is one. */
    trustProxy?: boolean | number;
    /** Or the addresses and CIDR ranges of the trusted proxies. */
    trustedProxies?: string[];
    /** Only what differs from `DEFAULT_RULES`; checked against `RulesOverridesSchema`. */
    rules?: RulesOverrides;
    webhooks?: Partial<WebhookConfig>;
    engagement?: Partial<EngagementConfig>;
    delivery?: Partial<DeliveryConfig>;
    sources?: Partial<SourcesConfig>;
    scim?: Partial<ScimConfig>;
    privacy?: Partial<PrivacyConfig>;
  } = {},
): ServerConfig {
  const port = partial.port ?? 8787;
  const sqliteFile = partial.sqliteFile ?? resolve('./.data/advocacy.sqlite');
  const auth: AuthConfig = {
    jwtSecret: null,
    jwksUrl: null,
    issuer: null,
    audience: null,
    rolesClaim: 'roles',
    adminRoles: ['admin'],
    subjectClaim: 'sub',
    teamClaim: 'team',
    nameClaim: 'name',
    localeClaim: 'locale',
    emailClaim: 'email',
    timeZoneClaim: 'zoneinfo',
    requiredScope: null,
    maxTokenAgeSeconds: DEFAULT_MAX_TOKEN_AGE_SECONDS,
    signInCacheMs: DEFAULT_SIGN_IN_CACHE_MS,
    demo: false,
    apiKeys: [],
    ...partial.auth,
  };
  checkApiKeys(auth.apiKeys);
  checkAuthConfig(auth);
  const publicUrl = partial.publicUrl ?? `http://localhost:${port}`;
  checkPublicUrl(publicUrl);
  const corsOrigins = partial.corsOrigins ?? [];
  corsOrigins.forEach(checkOrigin);
  const clickSalt = partial.clickSalt ?? null;
  if (clickSalt !== null) requireSecretBytes('CLICK_SALT', clickSalt);
  const scim: ScimConfig = { ...DEFAULT_SCIM, ...partial.scim };
  checkScimConfig(scim);
  const trustProxy = proxyTrust({ hops: Number(partial.trustProxy ?? 0), proxies: partial.trustedProxies });
  return {
    port,
    host: partial.host ?? '0.0.0.0',
    publicUrl,
    databaseUrl: partial.databaseUrl ?? null,
    sqliteFile,
    databaseTimeouts: partial.databaseTimeouts ?? DEFAULT_DATABASE_TIMEOUTS,
    databasePoolSize: poolSize(partial.databasePoolSize ?? DEFAULT_DATABASE_POOL_SIZE),
    auth,
    corsOrigins,
    clickSalt,
    trustProxy,
    logLevel: partial.logLevel ?? 'info',
    rules: resolveRules(partial.rules),
    rateLimits: partial.rateLimits ?? DEFAULT_RATE_LIMITS,
    bodyLimitBytes: partial.bodyLimitBytes ?? 64 * 1024,
    eventsBodyLimitBytes: partial.eventsBodyLimitBytes ?? 256 * 1024,
    clickFlush: partial.clickFlush ?? { maxBatch: CLICK_BATCH_MAX, intervalMs: 250 },
    clickSpool: partial.clickSpool ?? {
      dir: sqliteFile === ':memory:' ? null : join(dirname(sqliteFile), 'click-spool'),
      maxBytes: 256 * 1024 * 1024,
    },
    shutdownTimeoutMs: partial.shutdownTimeoutMs ?? 10_000,
    leaderboardStalenessMs: partial.leaderboardStalenessMs ?? DEFAULT_LEADERBOARD_STALENESS_MS,
    webhooks: { ...DEFAULT_WEBHOOKS, ...partial.webhooks },
    engagement: { ...DEFAULT_ENGAGEMENT, ...partial.engagement },
    delivery: { ...DEFAULT_DELIVERY, ...partial.delivery },
    sources: { ...DEFAULT_SOURCES, ...partial.sources },
    scim,
    privacy: { ...DEFAULT_PRIVACY, ...partial.privacy },
  };
}
