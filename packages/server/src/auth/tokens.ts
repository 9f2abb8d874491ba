import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyOptions } from 'jose';
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

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Verifies Bearer JWTs: HS256 with a shared secret, or keys from a JWKS URL. */
export function createTokenVerifier(auth: AuthConfig): TokenVerifier {
  const options: JWTVerifyOptions = {};
  if (auth.issuer !== null) options.issuer = auth.issuer;
  if (auth.audience !== null) options.audience = auth.audience;
  const key = auth.jwksUrl !== null ? createRemoteJWKSet(new URL(auth.jwksUrl)) : new TextEncoder().encode(auth.jwtSecret ?? '');
  if (auth.jwksUrl === null) options.algorithms = ['HS256'];
  return async (token) => {
    let payload: JWTPayload;
    try {
      payload = (await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], options)).payload;
    } catch (error) {
      const reason =
        error instanceof Error && 'code' in error && error.code === 'ERR_JWT_EXPIRED'
          ? 'The token has expired.'
          : 'The token is not valid.';
      throw unauthorized(reason);
    }
    const employeeId = text(payload.sub);
    if (employeeId === null) throw unauthorized('The token has no subject.');
    return {
      employeeId,
      admin: roles(payload[auth.rolesClaim]).includes('admin'),
      name: text(payload.name),
      team: text(payload.team),
      teamName: text(payload.team_name),
      locale: text(payload.locale),
    };
  };
}

/** Mints an HS256 token for demo sign-in (only reachable when demo auth is enabled). */
export async function mintDemoToken(
  auth: AuthConfig,
  claims: { sub: string; name: string; team: string; roles: string[] },
): Promise<string> {
  if (auth.jwtSecret === null) throw new Error('Demo tokens need an HS256 secret (AUTH_JWT_SECRET).');
  const jwt = new SignJWT({ name: claims.name, team: claims.team, [auth.rolesClaim]: claims.roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime('12h');
  if (auth.issuer !== null) jwt.setIssuer(auth.issuer);
  if (auth.audience !== null) jwt.setAudience(auth.audience);
  return jwt.sign(new TextEncoder().encode(auth.jwtSecret));
}
