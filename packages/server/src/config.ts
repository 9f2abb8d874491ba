import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import type { Rules, RulesOverrides } from '@advocacy-kit/core/rules';
import { DEFAULT_ENGAGEMENT, engagementConfigFromEnv, type EngagementConfig } from './engagement/config.js';
import { resolveRules, rulesFromEnv } from './rules/overrides.js';
import { DEFAULT_WEBHOOKS, webhookConfigFromEnv, type WebhookConfig } from './webhooks/config.js';

export interface RateLimit {
  /** Bucket size: requests allowed in a burst. */
  burst: number;
  /** Tokens added back per second. */
  perSecond: number;
}

export interface AuthConfig {
  /** HS256 shared secret; used when no JWKS URL is set. */
  jwtSecret: string | null;
  jwksUrl: string | null;
  issuer: string | null;
  audience: string | null;
  /** Claim that holds the roles (array or space/comma-separated string). */
  rolesClaim: string;
  /** Enables `/auth/demo-employees` and `/auth/demo-token`. Never in production. */
  demo: boolean;
  /** Keys accepted in `X-Api-Key` for server-to-server conversions. */
  apiKeys: string[];
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
  auth: AuthConfig;
  corsOrigins: string[];
  /** Secret for visitor hashes; generated and stored in the database when null. */
  clickSalt: string | null;
  /** Read the client address from X-Forwarded-For (only behind a proxy you control). */
  trustProxy: boolean;
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
  webhooks: WebhookConfig;
  engagement: EngagementConfig;
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

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function flag(raw: string | undefined): boolean {
  return raw === '1' || raw === 'true';
}

/** Reads the configuration from environment variables (documented in the README). */
export function loadConfig(env: Env = process.env): ServerConfig {
  const port = int(env, 'PORT', 8787);
  const host = env.HOST ?? '0.0.0.0';
  const databaseUrl = env.DATABASE_URL && /^postgres(ql)?:\/\//.test(env.DATABASE_URL) ? env.DATABASE_URL : null;
  const dataDir = resolve(env.DATA_DIR ?? './.data');
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const demo = flag(env.ADVOCACY_DEMO_AUTH);
  const jwtSecret = env.AUTH_JWT_SECRET || null;
  return resolveConfig({
    port,
    host,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    databaseUrl,
    sqliteFile: resolve(dataDir, 'advocacy.sqlite'),
    auth: {
      jwtSecret,
      jwksUrl: env.AUTH_JWKS_URL || null,
      issuer: env.AUTH_ISSUER || null,
      audience: env.AUTH_AUDIENCE || null,
      rolesClaim: env.AUTH_ROLES_CLAIM || 'roles',
      demo,
      apiKeys: list(env.ADVOCACY_API_KEYS),
    },
    corsOrigins: list(env.CORS_ORIGINS),
    clickSalt: env.CLICK_SALT || null,
    trustProxy: flag(env.TRUST_PROXY),
    logLevel,
    rules: rulesFromEnv(env),
    webhooks: webhookConfigFromEnv(env),
    engagement: engagementConfigFromEnv(env),
    clickSpool: {
      dir: resolve(env.CLICK_SPOOL_DIR || join(dataDir, 'click-spool')),
      maxBytes: int(env, 'CLICK_SPOOL_MAX_MB', 256) * 1024 * 1024,
    },
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10_000),
  });
}

/**
 * Fills the defaults of a partial configuration. Tests and embedders call
 * `createApp(resolveConfig({ ... }))` without touching the environment.
 */
export function resolveConfig(
  partial: Partial<Omit<ServerConfig, 'auth' | 'webhooks' | 'engagement' | 'rules'>> & {
    auth?: Partial<AuthConfig>;
    /** Only what differs from `DEFAULT_RULES`; checked against `RulesOverridesSchema`. */
    rules?: RulesOverrides;
    webhooks?: Partial<WebhookConfig>;
    engagement?: Partial<EngagementConfig>;
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
    demo: false,
    apiKeys: [],
    ...partial.auth,
  };
  if (auth.demo && auth.jwksUrl !== null) {
    throw new Error('Demo sign-in mints HS256 tokens, which a server verifying with AUTH_JWKS_URL would refuse: use one or the other.');
  }
  if (auth.jwtSecret === null && auth.jwksUrl === null) {
    if (!auth.demo) {
      throw new Error('Set AUTH_JWT_SECRET or AUTH_JWKS_URL (or ADVOCACY_DEMO_AUTH=1 for a local demo).');
    }
    // Demo only: tokens minted by this process, valid until it stops.
    auth.jwtSecret = randomBytes(32).toString('base64url');
  }
  return {
    port,
    host: partial.host ?? '0.0.0.0',
    publicUrl: partial.publicUrl ?? `http://localhost:${port}`,
    databaseUrl: partial.databaseUrl ?? null,
    sqliteFile,
    auth,
    corsOrigins: partial.corsOrigins ?? [],
    clickSalt: partial.clickSalt ?? null,
    trustProxy: partial.trustProxy ?? false,
    logLevel: partial.logLevel ?? 'info',
    rules: resolveRules(partial.rules),
    rateLimits: partial.rateLimits ?? {
      redirect: { burst: 200, perSecond: 50 },
      writes: { burst: 120, perSecond: 10 },
      conversions: { burst: 100, perSecond: 20 },
    },
    bodyLimitBytes: partial.bodyLimitBytes ?? 64 * 1024,
    eventsBodyLimitBytes: partial.eventsBodyLimitBytes ?? 256 * 1024,
    clickFlush: partial.clickFlush ?? { maxBatch: 500, intervalMs: 250 },
    clickSpool: partial.clickSpool ?? {
      dir: sqliteFile === ':memory:' ? null : join(dirname(sqliteFile), 'click-spool'),
      maxBytes: 256 * 1024 * 1024,
    },
    shutdownTimeoutMs: partial.shutdownTimeoutMs ?? 10_000,
    webhooks: { ...DEFAULT_WEBHOOKS, ...partial.webhooks },
    engagement: { ...DEFAULT_ENGAGEMENT, ...partial.engagement },
  };
}
