import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { AuthConfig } from '../config.js';
import { unauthorized } from '../http/problem.js';

/** What the server takes from a verified token. */
export interface TokenIdentity {
  employeeId: string;
  admin: boolean;
  name: string | null;
  team: string | null;
  teamName: string | null;
  locale: string | null;
}

export type TokenVerifier = (token: string) => Promise<TokenIdentity>;

function roles(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/);
  return [];
}

/** Longest employee id, name or team a token may bring. */
const CLAIM_MAX = 200;
// Control characters, NUL among them: PostgreSQL refuses NUL in text, and none belongs in a name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
/** A BCP 47 language tag such as `ja` or `en-US`; anything else leaves the locale to its default. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/;

/** A claim as text: control characters dropped, trimmed, at most CLAIM_MAX characters; empty is null. */
const text = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const clean = value.replace(CONTROL, '').trim().slice(0, CLAIM_MAX);
  return clean === '' ? null : clean;
};

/** `86400` → `24 h`, `600` → `10 min`, for problem details. */
function duration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

function rejection(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp' && error.reason === 'missing') {
    return 'The token has no expiry (exp); tokens that never expire are not accepted.';
  }
  return 'The token is not valid.';
}

/**
 * How long a verified token may live: it must expire, within the maximum age of its issue
 * (`iat`), and not have been issued longer ago than that. A token without `iat` may not expire
 * later than the maximum age from now.
 */
function checkAge(payload: JWTPayload, maxAge: number): void {
  const now = Math.floor(Date.now() / 1000);
  const exp = payload.exp!;
  const limit = `the maximum age of ${duration(maxAge)}`;
  if (typeof payload.iat === 'number') {
    if (now - payload.iat > maxAge) throw unauthorized(`The token is too old: it was issued more than ${limit} ago; sign in again.`);
    if (exp - payload.iat > maxAge) throw unauthorized(`The token is valid for longer than ${limit}.`);
  } else if (exp - now > maxAge) {
    throw unauthorized(`The token has no issue time (iat) and expires later than ${limit} from now.`);
  }
}

/** Verifies Bearer JWTs: HS256 with a shared secret, or keys from a JWKS URL. */
export function createTokenVerifier(auth: AuthConfig): TokenVerifier {
  const options: JWTVerifyOptions = { requiredClaims: ['exp'] };
  if (auth.issuer !== null) options.issuer = auth.issuer;
  if (auth.audience !== null) options.audience = auth.audience;
  const key = auth.jwksUrl !== null ? createRemoteJWKSet(new URL(auth.jwksUrl)) : new TextEncoder().encode(auth.jwtSecret ?? '');
  if (auth.jwksUrl === null) options.algorithms = ['HS256'];
  return async (token) => {
    let payload: JWTPayload;
    try {
      payload = (await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], options)).payload;
    } catch (error) {
      throw unauthorized(rejection(error));
    }
    checkAge(payload, auth.maxTokenAgeSeconds);
    const employeeId = payload.sub;
    if (typeof employeeId !== 'string' || employeeId === '') throw unauthorized('The token has no subject.');
    if (employeeId.length > CLAIM_MAX || employeeId.replace(CONTROL, '') !== employeeId) {
      throw unauthorized(`The token's subject is not an employee id: at most ${CLAIM_MAX} characters, no control characters.`);
    }
    const locale = text(payload.locale);
    return {
      employeeId,
      admin: roles(payload[auth.rolesClaim]).includes('admin'),
      name: text(payload.name),
      team: text(payload.team),
      teamName: text(payload.team_name),
      locale: locale !== null && LANGUAGE_TAG.test(locale) ? locale : null,
    };
  };
}

const DEMO_TOKEN_SECONDS = 12 * 3600;

/**
 * Mints an HS256 token for demo sign-in (only reachable when demo auth is enabled), valid for
 * 12 hours or the maximum token age, whichever is shorter.
 */
export async function mintDemoToken(
  auth: AuthConfig,
  claims: { sub: string; name: string; team: string; roles: string[] },
): Promise<string> {
  if (auth.jwtSecret === null) throw new Error('Demo tokens need an HS256 secret (kept in the database by createApp).');
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ name: claims.name, team: claims.team, [auth.rolesClaim]: claims.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + Math.min(DEMO_TOKEN_SECONDS, auth.maxTokenAgeSeconds));
  if (auth.issuer !== null) jwt.setIssuer(Array.isArray(auth.issuer) ? auth.issuer[0]! : auth.issuer);
  if (auth.audience !== null) jwt.setAudience(auth.audience);
  return jwt.sign(new TextEncoder().encode(auth.jwtSecret));
}
