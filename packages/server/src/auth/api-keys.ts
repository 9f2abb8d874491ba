import { createHash, timingSafeEqual } from 'node:crypto';
import { DEFAULT_CONVERSION_SOURCE } from '@advocacy-kit/core/rules';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { forbidden, HttpProblem } from '../http/problem.js';

/** A key one of the company's systems sends in `X-Api-Key`, and the name of that system. */
export interface ApiKey {
  /** The system's name (`crm`, `shop`): stored on its conversions, which it alone can replay. */
  source: string;
  key: string;
}

/** The shortest key accepted: 32 characters (e.g. `openssl rand -base64 32` gives 44). */
export const API_KEY_MIN_LENGTH = 32;
const SOURCE = /^[a-z0-9][a-z0-9_-]{0,31}$/;
const KEY = /^[\x21-\x7e]+$/;
const VARIABLE = 'ADVOCACY_API_KEYS';

/**
 * `ADVOCACY_API_KEYS`: comma-separated `source=key` entries (`crm=…,shop=…`); a plain `key` is
 * the source `default`. Checked by `checkApiKeys`.
 */
export function parseApiKeys(raw: string | undefined): ApiKey[] {
  return (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const equals = entry.indexOf('=');
      return equals === -1
        ? { source: DEFAULT_CONVERSION_SOURCE, key: entry }
        : { source: entry.slice(0, equals).trim(), key: entry.slice(equals + 1).trim() };
    });
}

/**
 * Throws when the keys are unsafe or ambiguous: a source name that is not one, a key shorter than
 * 32 characters, two keys for one source or one key for two. Messages never quote a key.
 */
export function checkApiKeys(keys: readonly ApiKey[]): void {
  const sources = new Set<string>();
  const seen = new Set<string>();
  keys.forEach(({ source, key }, index) => {
    const entry = `${VARIABLE} entry ${index + 1}`;
    if (typeof source !== 'string' || !SOURCE.test(source)) {
      throw new Error(
        `${entry}: the source name must be 1-32 lower-case letters, digits, '-' or '_', then '=' and the key, e.g. crm=<key>.`,
      );
    }
    if (typeof key !== 'string' || key.length < API_KEY_MIN_LENGTH || !KEY.test(key)) {
      throw new Error(
        `${entry} (source "${source}"): the key must be at least ${API_KEY_MIN_LENGTH} printable characters without spaces or commas; generate one with \`openssl rand -base64 32\`.`,
      );
    }
    if (sources.has(source)) {
      throw new Error(`${entry}: source "${source}" has a key already; give each system its own source name (crm=<key>,shop=<key>).`);
    }
    if (seen.has(key))
      throw new Error(`${entry} (source "${source}"): this key is given to another source as well; each source needs its own key.`);
    sources.add(source);
    seen.add(key);
  });
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The source whose key `candidate` is, compared in constant time (digests of equal length), or `null`. */
export function sourceOfApiKey(keys: readonly ApiKey[], candidate: string): string | null {
  const wanted = digest(candidate);
  let found: string | null = null;
  for (const { source, key } of keys) if (timingSafeEqual(digest(key), wanted)) found = source;
  return found;
}

/**
 * Operations only the company's systems may call: the `X-Api-Key` must be one of the configured
 * keys; sets `apiSource` to its source name, before the body is read. An employee's bearer token
 * is not a way in (403), whatever it says.
 */
export function requireApiKey(s: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const candidate = c.req.header('x-api-key');
    if (candidate === undefined) {
      if (c.req.header('authorization') !== undefined) {
        throw forbidden("Only the company's systems may do this, with their X-Api-Key: an employee's token is not accepted.");
      }
      throw new HttpProblem(401, 'unauthorized', 'Send an API key in X-Api-Key.', { headers: { 'WWW-Authenticate': 'ApiKey' } });
    }
    const source = sourceOfApiKey(s.config.auth.apiKeys, candidate);
    if (source === null)
      throw new HttpProblem(401, 'unauthorized', 'The API key is not valid.', { headers: { 'WWW-Authenticate': 'ApiKey' } });
    c.set('apiSource', source);
    await next();
  };
}
