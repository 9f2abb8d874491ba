import { SignJWT } from 'jose';
import { createApp, type AdvocacyApp } from '../../src/app.js';
import { resolveConfig, type ServerConfig } from '../../src/config.js';
import { loadSeed } from '../../src/seed.js';
import type { TestDatabase } from './databases.js';
import { fixture } from './fixture.js';

export const SECRET = 'test-secret-with-enough-entropy-0123456789';
export const PUBLIC_URL = 'https://go.example.test';
export const API = '/api/v1';
/** The API keys of the harness: one per source (a CRM and a web shop). */
export const API_KEYS = {
  crm: 'crm-test-key-0123456789abcdefghijklmnop',
  shop: 'shop-test-key-0123456789abcdefghijklmno',
} as const;
/** The key most tests send: the CRM's. */
export const API_KEY = API_KEYS.crm;

type ConfigInput = NonNullable<Parameters<typeof resolveConfig>[0]>;

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  /** A body sent as it is (bytes for bodies that are not valid UTF-8). */
  raw?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

export interface Harness {
  advocacy: AdvocacyApp;
  config: ServerConfig;
  /** A request to the app (no socket); JSON bodies are serialised. */
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  close(): Promise<void>;
}

/**
 * An HS256 token for `sub`, issued now and valid for an hour unless told otherwise: `expiresAt`
 * and `issuedAt` take epoch seconds (or a jose duration such as '2h' for `expiresAt`); `null`
 * leaves the claim out.
 */
export async function signToken(
  sub: string,
  options: {
    secret?: string;
    admin?: boolean;
    claims?: Record<string, unknown>;
    expiresAt?: number | string | null;
    issuedAt?: number | null;
  } = {},
): Promise<string> {
  const jwt = new SignJWT({ roles: options.admin ? ['admin'] : [], ...options.claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub);
  if (options.issuedAt !== null) jwt.setIssuedAt(options.issuedAt);
  if (options.expiresAt !== null) jwt.setExpirationTime(options.expiresAt ?? '1h');
  return jwt.sign(new TextEncoder().encode(options.secret ?? SECRET));
}

/** The app on a test database, seeded with the fixture company. */
export async function startHarness(database: TestDatabase, overrides: ConfigInput = {}): Promise<Harness> {
  const config = resolveConfig({
    publicUrl: PUBLIC_URL,
    databaseUrl: database.databaseUrl,
    sqliteFile: database.sqliteFile,
    logLevel: 'silent',
    trustProxy: true,
    clickFlush: { maxBatch: 1000, intervalMs: 20 },
    ...overrides,
    // Demo sign-in keeps its own secret in the database: it refuses a configured one.
    auth: {
      ...(overrides.auth?.demo ? {} : { jwtSecret: SECRET }),
      apiKeys: [
        { source: 'crm', key: API_KEYS.crm },
        { source: 'shop', key: API_KEYS.shop },
      ],
      ...overrides.auth,
    },
  });
  const advocacy = await createApp(config);
  await loadSeed(advocacy.services.db, fixture(new Date()), config.rules);
  return {
    advocacy,
    config,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | Uint8Array<ArrayBuffer> | undefined = options.raw;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      return advocacy.app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
    },
    async close() {
      await advocacy.close();
      await database.drop();
    },
  };
}

/** The parsed JSON of a response; fails with the body when the status is not the expected one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever shape they asked for
export async function json<T = any>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}
