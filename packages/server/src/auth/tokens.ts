import { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { AuthConfig } from '../config.js';
import { HttpProblem } from '../http/problem.js';
import type { Logger } from '../log.js';
import { remoteKeys, type RemoteKeyTimings } from './remote-keys.js';

/** What the server takes from a verified token. */
export interface TokenIdentity {
  employeeId: string;
  admin: boolean;
  name: string | null;
  team: string | null;
  teamName: string | null;
  locale: string | null;
  /** An email address, from the email claim, else `preferred_username` or `upn` when they are one. */
  email: string | null;
  /** A valid IANA time zone from the time zone claim (`zoneinfo`). */
  timeZone: string | null;
  /** When (a `Date.now()` time) the token stops being accepted: its expiry (`exp`), or its maximum age since `iat`. */
  acceptedUntil: number;
}

export type TokenVerifier = (token: string) => Promise<TokenIdentity>;

function roles(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/);
  return [];
}

/** Names separated by commas: `roles,groups` → ['roles', 'groups']. */
const names = (raw: string): string[] =>
  raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');

/**
 * A claim by name or dotted path: `realm_access.roles`, `resource_access.advocacy.roles`. A claim
 * whose own name has dots (`https://example.com/roles`) is found first.
 */
export function claimAt(payload: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
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

/** Something that looks like an email address (one `@`, a dot in the domain, no spaces), at most 254 characters. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;
const email = (value: unknown): string | null => {
  const clean = text(value);
  return clean !== null && clean.length <= 254 && EMAIL.test(clean) ? clean : null;
};

/** Time zones seen, valid or not (bounded): `Intl` is the judge, and asking it costs. */
const zones = new Map<string, boolean>();
/** An IANA time zone `Intl` knows (`Asia/Tokyo`, `UTC`); anything else is null. */
export function timeZone(value: unknown): string | null {
  const clean = text(value);
  if (clean === null || clean.length > 64) return null;
  let valid = zones.get(clean);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: clean });
      valid = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(clean);
    } catch {
      valid = false;
    }
    if (zones.size >= 1000) zones.clear();
    zones.set(clean, valid);
  }
  return valid ? clean : null;
}

/** `86400` → `24 h`, `600` → `10 min`, for problem details. */
function duration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** Why a token was refused: for the log (reason, claim) and the client (detail). Never the token. */
class Refusal extends HttpProblem {
  constructor(
    readonly reason: string,
    readonly claim: string | null,
    detail: string,
    readonly logFields: Record<string, unknown> = {},
  ) {
    super(401, 'unauthorized', detail, { headers: { 'WWW-Authenticate': 'Bearer' } });
  }
}

const CLAIM_DETAILS: Record<string, string> = {
  iss: "The token's issuer (iss) is not one this API trusts.",
  aud: "The token's audience (aud) is not this API: send an access token issued for it, not an ID token or a token for another API.",
  nbf: 'The token is not valid yet (nbf).',
  iat: "The token's issue time (iat) is not valid.",
};

function refusal(error: unknown): Refusal {
  if (error instanceof Refusal) return error;
  if (error instanceof errors.JWTExpired) return new Refusal('expired', 'exp', 'The token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'exp' && error.reason === 'missing') {
      return new Refusal('no_expiry', 'exp', 'The token has no expiry (exp); tokens that never expire are not accepted.');
    }
    // The issuer or audience it came with helps set AUTH_ISSUER/AUTH_AUDIENCE right; neither is secret.
    const received = error.claim === 'iss' || error.claim === 'aud' ? { received: error.payload[error.claim] } : {};
    return new Refusal(`claim_${error.reason}`, error.claim, CLAIM_DETAILS[error.claim] ?? 'The token is not valid.', received);
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return new Refusal('unknown_key', 'kid', 'The token is signed with a key the identity provider does not publish.');
  if (error instanceof errors.JWSSignatureVerificationFailed) return new Refusal('bad_signature', null, 'The token is not valid.');
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return new Refusal('algorithm', 'alg', 'The token is not valid.');
  return new Refusal('malformed', null, 'The token is not valid.');
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
    if (now - payload.iat > maxAge)
      throw new Refusal('too_old', 'iat', `The token is too old: it was issued more than ${limit} ago; sign in again.`);
    if (exp - payload.iat > maxAge) throw new Refusal('lives_too_long', 'exp', `The token is valid for longer than ${limit}.`);
  } else if (exp - now > maxAge) {
    throw new Refusal('lives_too_long', 'exp', `The token has no issue time (iat) and expires later than ${limit} from now.`);
  }
}

/**
 * The first `Date.now()` time at which the checks above refuse a token they accept now: jose
 * refuses once `exp <= ⌊now⌋` (seconds), `checkAge` once `⌊now⌋ - iat > maxAge`.
 */
function acceptedUntil(payload: JWTPayload, maxAge: number): number {
  const expires = payload.exp! * 1000;
  return typeof payload.iat === 'number' ? Math.min(expires, (Math.floor(payload.iat + maxAge) + 1) * 1000) : expires;
}

/**
 * The claim that shows a token was issued to an application itself (client credentials, a
 * service account), with no employee behind it; null for a signed-in user's token.
 */
function machineClaim(payload: JWTPayload): string | null {
  if (payload.idtyp === 'app') return 'idtyp'; // Entra ID app-only token
  if (payload.gty === 'client-credentials') return 'gty'; // Auth0
  const sub = payload.sub;
  if (typeof sub === 'string') {
    // oidc-provider and Okta (cid), Entra v1 (appid), Keycloak (azp) put the client id in the subject of app tokens.
    for (const claim of ['client_id', 'azp', 'cid', 'appid']) if (payload[claim] === sub) return claim;
  }
  if (typeof payload.preferred_username === 'string' && payload.preferred_username.startsWith('service-account-'))
    return 'preferred_username'; // Keycloak
  return null;
}

/** Scopes from `scp` (Entra: a space-separated string; Okta: an array) and `scope` (OAuth 2.0: space-separated). */
const scopes = (payload: JWTPayload): string[] => [...roles(payload.scp), ...roles(payload.scope)];

const SILENT: Pick<Logger, 'warn'> = { warn() {} };

/**
 * The HS256 secret as a WebCrypto key, imported once: given the raw bytes, jose imports them
 * again on every verification, which cost as much as the check itself. The bytes where WebCrypto
 * will not take them (an empty secret), for jose to refuse as it always did.
 */
function hmacKey(secret: string): Promise<webcrypto.CryptoKey | Uint8Array> {
  const bytes = new TextEncoder().encode(secret);
  return webcrypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']).catch(() => bytes);
}

/**
 * Verifies Bearer JWTs: HS256 with a shared secret, or keys from a JWKS URL. Every refusal is
 * logged at warn with its reason and the failing claim (never the token).
 */
export function createTokenVerifier(auth: AuthConfig, logger: Pick<Logger, 'warn'> = SILENT, timings?: RemoteKeyTimings): TokenVerifier {
  const options: JWTVerifyOptions = { requiredClaims: ['exp'] };
  if (auth.issuer !== null) options.issuer = auth.issuer;
  if (auth.audience !== null) options.audience = auth.audience;
  const key = auth.jwksUrl !== null ? remoteKeys(new URL(auth.jwksUrl), logger as Logger, timings) : hmacKey(auth.jwtSecret ?? '');
  if (auth.jwksUrl === null) options.algorithms = ['HS256'];
  const rolePaths = names(auth.rolesClaim);
  const teamPaths = names(auth.teamClaim);
  const adminRoles = new Set(auth.adminRoles);

  const identify = async (token: string): Promise<TokenIdentity> => {
    let payload: JWTPayload;
    try {
      payload = (await jwtVerify(token, (typeof key === 'function' ? key : await key) as Parameters<typeof jwtVerify>[1], options)).payload;
    } catch (error) {
      if (error instanceof HttpProblem && !(error instanceof Refusal)) throw error; // the identity provider is unreachable: 503
      throw refusal(error);
    }
    checkAge(payload, auth.maxTokenAgeSeconds);
    const machine = machineClaim(payload);
    if (machine !== null) {
      throw new Refusal(
        'machine_token',
        machine,
        'The token was issued to an application (client credentials or a service account), not to a signed-in employee: sign in as an employee.',
      );
    }
    if (auth.requiredScope !== null && !scopes(payload).includes(auth.requiredScope)) {
      throw new Refusal(
        'missing_scope',
        'scp',
        `The token does not carry the scope ${auth.requiredScope} (in scp or scope) that this API requires.`,
      );
    }
    const employeeId = claimAt(payload, auth.subjectClaim);
    if (typeof employeeId !== 'string' || employeeId === '') {
      throw new Refusal('no_subject', auth.subjectClaim, `The token has no subject (${auth.subjectClaim}).`);
    }
    if (employeeId.length > CLAIM_MAX || employeeId.replace(CONTROL, '') !== employeeId) {
      throw new Refusal(
        'bad_subject',
        auth.subjectClaim,
        `The token's subject (${auth.subjectClaim}) is not an employee id: at most ${CLAIM_MAX} characters, no control characters.`,
      );
    }
    const locale = text(claimAt(payload, auth.localeClaim));
    const team = teamPaths.map((path) => text(claimAt(payload, path))).find((value) => value !== null) ?? null;
    return {
      employeeId,
      admin: rolePaths.some((path) => roles(claimAt(payload, path)).some((role) => adminRoles.has(role))),
      name: text(claimAt(payload, auth.nameClaim)),
      team,
      teamName: text(payload.team_name),
      locale: locale !== null && LANGUAGE_TAG.test(locale) ? locale : null,
      email: email(claimAt(payload, auth.emailClaim)) ?? email(payload.preferred_username) ?? email(payload.upn),
      timeZone: timeZone(claimAt(payload, auth.timeZoneClaim)),
      acceptedUntil: acceptedUntil(payload, auth.maxTokenAgeSeconds),
    };
  };

  return async (token) => {
    try {
      return await identify(token);
    } catch (error) {
      if (error instanceof Refusal) logger.warn('token refused', { reason: error.reason, claim: error.claim, ...error.logFields });
      throw error;
    }
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
  // In the claims the verifier reads: the configured names and paths, the configured admin value.
  const payload: Record<string, unknown> = {};
  const set = (path: string, value: unknown) => {
    const parts = path.split('.');
    let node = payload;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  };
  set(auth.subjectClaim, claims.sub);
  set(auth.nameClaim, claims.name);
  set(names(auth.teamClaim)[0] ?? 'team', claims.team);
  set(
    names(auth.rolesClaim)[0] ?? 'roles',
    claims.roles.map((role) => (role === 'admin' ? auth.adminRoles[0]! : role)),
  );
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(now + Math.min(DEMO_TOKEN_SECONDS, auth.maxTokenAgeSeconds));
  if (auth.issuer !== null) jwt.setIssuer(Array.isArray(auth.issuer) ? auth.issuer[0]! : auth.issuer);
  if (auth.audience !== null) jwt.setAudience(auth.audience);
  return jwt.sign(new TextEncoder().encode(auth.jwtSecret));
}
