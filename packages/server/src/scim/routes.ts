import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, Services } from '../context.js';
import { clientIp } from '../http/client-ip.js';
import { HttpProblem } from '../http/problem.js';
import { RateLimiter } from '../http/rate-limit.js';
import { requireScimToken } from './auth.js';
import { discoveryRoutes } from './discovery.js';
import { fromProblem, ScimError, scimErrorResponse } from './errors.js';
import { groupRoutes } from './groups.js';
import { userRoutes } from './users.js';

export const SCIM_PATH = '/scim/v2';
/** Largest SCIM request body: a Group PUT lists every member. */
const BODY_LIMIT_BYTES = 1024 * 1024;

/** The SCIM base URL to paste into the identity provider. */
export const scimBaseUrl = (s: Services): string => `${s.config.publicUrl}${SCIM_PATH}`;

/**
 * SCIM 2.0 (RFC 7643, RFC 7644) at `/scim/v2`, outside the `/api/v1` contract: discovery, Users
 * (employees) and Groups (teams), every request with a SCIM token, rate limited per client
 * address, errors in SCIM's error schema.
 */
export function scimRootRoutes(app: Hono<AppEnv>, s: Services): void {
  const base = scimBaseUrl(s);
  const limiter = new RateLimiter(s.config.scim.rateLimit);
  const scim = new Hono<AppEnv>();
  scim.onError((error) => {
    if (error instanceof ScimError) return scimErrorResponse(error);
    if (error instanceof HttpProblem) return scimErrorResponse(fromProblem(error));
    const failure = s.database.failed(error);
    if (failure !== null)
      return scimErrorResponse(new ScimError(503, 'The database is unavailable; try again later.', undefined, { 'Retry-After': '5' }));
    s.logger.error('unhandled error', { path: 'scim', error: error instanceof Error ? error.stack : String(error) });
    return scimErrorResponse(new ScimError(500, 'Something went wrong on the server; try again later.'));
  });
  scim.use('*', async (c, next) => {
    limiter.take(`scim:${clientIp(c, s.config.trustProxy)}`);
    await next();
  });
  scim.use('*', requireScimToken(s));
  scim.use(
    '*',
    bodyLimit({
      maxSize: BODY_LIMIT_BYTES,
      onError: () => {
        throw new ScimError(413, `The request body is larger than ${BODY_LIMIT_BYTES / 1024} KB.`, 'tooMany');
      },
    }),
  );
  discoveryRoutes(scim, base);
  userRoutes(scim, s, base);
  groupRoutes(scim, s, base);
  scim.all('*', (c) => {
    throw new ScimError(404, `No SCIM endpoint ${c.req.method} ${new URL(c.req.url).pathname}.`);
  });
  app.route(SCIM_PATH, scim);
}
