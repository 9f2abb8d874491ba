import type { AuthConfig } from '../config.js';

/** Default of AUTH_MAX_TOKEN_AGE: a working day's sign-in, and then some. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 24 * 3600;
/** Default of AUTH_SIGN_IN_CACHE_MS (auth/sign-ins.ts). */
export const DEFAULT_SIGN_IN_CACHE_MS = 10_000;
/** HS256 keys (and HMAC salts) shorter than the 256-bit output can be guessed offline. */
export const MIN_SECRET_BYTES = 32;

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `3600`, `90m`, `24h`, `1d` → seconds; null when it is not a positive duration. */
export function parseDuration(raw: string): number | null {
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/.exec(raw);
  if (match === null) return null;
  const seconds = Number(match[1]) * UNITS[match[2] || 's']!;
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : null;
}

/** One value, or several separated by commas (AUTH_ISSUER, AUTH_AUDIENCE); null when empty. */
export function oneOrMany(raw: string | undefined): string | string[] | null {
  const items = (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length === 0 ? null : items.length === 1 ? items[0]! : items;
}

/** Refuses a secret (AUTH_JWT_SECRET, CLICK_SALT) shorter than MIN_SECRET_BYTES. */
export function requireSecretBytes(name: string, value: string): void {
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes < MIN_SECRET_BYTES) {
    throw new Error(`${name} must be at least ${MIN_SECRET_BYTES} bytes (it has ${bytes}); generate one with \`openssl rand -base64 32\`.`);
  }
}

const isEmpty = (value: string | readonly string[] | null) => value === null || value.length === 0;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Refuses an authentication setup that would let someone in who should not be: throws with
 * what to set instead.
 */
export function checkAuthConfig(auth: AuthConfig): void {
  if (auth.demo && auth.jwksUrl !== null) {
    throw new Error('Demo sign-in mints HS256 tokens, which a server verifying with AUTH_JWKS_URL would refuse: use one or the other.');
  }
  if (auth.demo && auth.jwtSecret !== null) {
    throw new Error(
      'ADVOCACY_DEMO_AUTH=1 lets anyone mint a token for any employee, admins included, so it refuses to run with a real AUTH_JWT_SECRET: ' +
        'unset AUTH_JWT_SECRET for a local demo (demo tokens are signed with a secret kept in the database), or unset ADVOCACY_DEMO_AUTH.',
    );
  }
  if (auth.jwtSecret === null && auth.jwksUrl === null && !auth.demo) {
    throw new Error('Set AUTH_JWT_SECRET or AUTH_JWKS_URL (or ADVOCACY_DEMO_AUTH=1 for a local demo).');
  }
  if (auth.jwtSecret !== null) requireSecretBytes('AUTH_JWT_SECRET', auth.jwtSecret);
  if (auth.jwksUrl !== null) {
    let url: URL | null = null;
    try {
      url = new URL(auth.jwksUrl);
    } catch {
      // reported below
    }
    if (url === null || !(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname)))) {
      throw new Error(
        `AUTH_JWKS_URL must be an https URL (plain http only to localhost): keys fetched over http could be swapped on the way; got "${auth.jwksUrl}".`,
      );
    }
    const missing = [isEmpty(auth.issuer) && 'AUTH_ISSUER', isEmpty(auth.audience) && 'AUTH_AUDIENCE'].filter(Boolean);
    if (missing.length > 0) {
      throw new Error(
        `AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE (missing: ${missing.join(', ')}): without them any token your identity provider ` +
          'signed, for any application, would be accepted with its roles. Set AUTH_ISSUER to the issuer (iss) and AUTH_AUDIENCE to the audience ' +
          '(aud) the provider puts in tokens for this API (several of either, separated by commas).',
      );
    }
  }
  if (auth.adminRoles.length === 0 || auth.adminRoles.some((role) => role.trim() === '')) {
    throw new Error('AUTH_ADMIN_ROLES must list the role values that make a program admin, separated by commas (default: admin).');
  }
  if (auth.requiredScope !== null && /\s/.test(auth.requiredScope)) {
    throw new Error(`AUTH_REQUIRED_SCOPE is one scope (the one every token for this API carries), got "${auth.requiredScope}".`);
  }
  if (!Number.isSafeInteger(auth.signInCacheMs) || auth.signInCacheMs < 0) {
    throw new Error(`AUTH_SIGN_IN_CACHE_MS must be a whole number of milliseconds, 0 or more, got ${auth.signInCacheMs}.`);
  }
  if (!Number.isSafeInteger(auth.maxTokenAgeSeconds) || auth.maxTokenAgeSeconds <= 0) {
    throw new Error(`AUTH_MAX_TOKEN_AGE must be a duration such as 3600, 90m, 24h or 1d, got ${auth.maxTokenAgeSeconds}.`);
  }
}
