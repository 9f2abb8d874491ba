import { createLocalJWKSet, createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import { identityProviderUnavailable } from '../http/problem.js';
import type { Logger } from '../log.js';

/** How the identity provider's key set (JWKS) is fetched and kept. */
export interface RemoteKeyTimings {
  /** A fetch that takes longer fails: an issuer that accepts connections but never answers costs at most this. */
  timeoutMs: number;
  /** Keys are fetched again after this long… */
  cacheMaxAgeMs: number;
  /** …or when a token names a key not in the set, at most once in this long (a newly published key is found within it). */
  cooldownMs: number;
  /** After a failed fetch, requests use the last good keys (or answer 503) for this long before fetching again. */
  retryMs: number;
  /** While the provider cannot be reached, the last good keys are used for at most this long after they were fetched. */
  staleLimitMs: number;
}

export const DEFAULT_KEY_TIMINGS: RemoteKeyTimings = {
  timeoutMs: 2_000,
  cacheMaxAgeMs: 10 * 60_000,
  cooldownMs: 5_000,
  retryMs: 5_000,
  staleLimitMs: 24 * 3_600_000,
};

function reason(error: unknown): string {
  if (error instanceof errors.JWKSTimeout) return 'timeout';
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}

/**
 * The identity provider's signing keys, for jwtVerify. Unlike a bare createRemoteJWKSet, an
 * outage of the provider does not turn into "invalid token" (401, which clients take for
 * "signed out"): the last good key set stays in use when a refresh fails, and when there is none
 * — or the token names a key that could only be found by fetching — the request gets 503
 * `identity_provider_unavailable` with Retry-After. Fetches time out quickly and a failed one is
 * not retried for `retryMs`, so a hanging provider does not slow every request.
 */
export function remoteKeys(url: URL, logger: Logger, timings: RemoteKeyTimings = DEFAULT_KEY_TIMINGS): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(url, {
    timeoutDuration: timings.timeoutMs,
    cooldownDuration: timings.cooldownMs,
    cacheMaxAge: timings.cacheMaxAgeMs,
  });
  let local: JWTVerifyGetKey | null = null;
  let fetchedAt = -Infinity;
  let retryAt = -Infinity;

  /** Fetches the key set; false (logged) when it cannot be fetched now. */
  const refresh = async (): Promise<boolean> => {
    if (Date.now() < retryAt) return false;
    try {
      await remote.reload();
      local = createLocalJWKSet(remote.jwks()!);
      fetchedAt = Date.now();
      retryAt = -Infinity;
      return true;
    } catch (error) {
      retryAt = Date.now() + timings.retryMs;
      logger.warn('identity provider keys cannot be fetched', {
        url: url.href,
        reason: reason(error),
        keptKeys: local !== null && Date.now() - fetchedAt < timings.staleLimitMs,
      });
      return false;
    }
  };
  const unavailable = () =>
    identityProviderUnavailable(
      "The identity provider's signing keys cannot be fetched, so the token cannot be checked; keep it and try again shortly.",
      Math.max(1, Math.ceil((retryAt - Date.now()) / 1000)),
    );

  return async (header, token) => {
    if (local === null || Date.now() - fetchedAt >= timings.cacheMaxAgeMs) await refresh();
    if (local === null || Date.now() - fetchedAt >= timings.staleLimitMs) throw unavailable();
    try {
      return await local(header, token);
    } catch (error) {
      // A key not in the set: published since the last fetch (a rotation), or never.
      if (!(error instanceof errors.JWKSNoMatchingKey) || Date.now() - fetchedAt < timings.cooldownMs) throw error;
      if (await refresh()) return local!(header, token);
      throw unavailable();
    }
  };
}
