import type { Hono } from 'hono';
import { isbot } from 'isbot';
import type { AppEnv, Services } from '../context.js';
import { clientIp } from '../http/client-ip.js';
import { TRACKING_CODE } from '../ids.js';

export const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Link not found</title></head>
<body><main><h1>Link not found</h1><p>This link is not valid or no longer exists. Check that it was copied completely.</p></main></body></html>
`;

export const NOT_FOUND_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'",
};
export const REDIRECT_HEADERS = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' };

export interface Visit {
  code: string;
  method: string;
  ip: string;
  userAgent: string;
}

/**
 * Where a visit goes: the registered destination, or nowhere (404 page). `recorded`: a human
 * click was recorded, and its answer waits for `clicks.afterKept`.
 */
export type VisitOutcome = { found: true; location: string; recorded: boolean } | { found: false };

const NOWHERE: VisitOutcome = { found: false };

/** isbot's verdict per user agent: a few strings make up most traffic, the pattern is large. */
const crawlerVerdicts = new Map<string, boolean>();
function isCrawler(userAgent: string): boolean {
  let verdict = crawlerVerdicts.get(userAgent);
  if (verdict === undefined) {
    verdict = userAgent === '' || isbot(userAgent);
    if (crawlerVerdicts.size >= 5_000) crawlerVerdicts.clear();
    crawlerVerdicts.set(userAgent, verdict);
  }
  return verdict;
}

/**
 * The tracking redirect's decision, shared by the Hono route and the Node fast path. Crawlers
 * (isbot) and HEAD requests get the redirect but are not counted; human clicks go to the click
 * spool (their answer waits for that append, never for the database). Unknown or malformed codes go nowhere. Throws a
 * 429 problem past the per-visitor rate limit.
 */
export function resolveVisit(s: Services, visit: Visit): VisitOutcome | Promise<VisitOutcome> {
  if (!TRACKING_CODE.test(visit.code)) return NOWHERE;
  s.limits.redirect.take(visit.ip);
  const cached = s.links.peek(visit.code);
  const decide = (target: typeof cached): VisitOutcome => {
    if (target === null || target === undefined) return NOWHERE;
    if (visit.method === 'GET' && !isCrawler(visit.userAgent)) {
      s.clicks.record(target, { ip: visit.ip, userAgent: visit.userAgent });
      return { found: true, location: target.destination, recorded: true };
    }
    return { found: true, location: target.destination, recorded: false };
  };
  return cached === undefined ? s.links.load(visit.code).then(decide) : decide(cached);
}

/** `GET|HEAD /r/:code` in the Hono app (used by `app.request()` and non-Node runtimes). */
export function redirectRoutes(app: Hono<AppEnv>, s: Services): void {
  app.get('/r/:code', async (c) => {
    const outcome = await resolveVisit(s, {
      code: c.req.param('code'),
      method: c.req.method,
      ip: clientIp(c, s.config.trustProxy),
      userAgent: c.req.header('user-agent') ?? '',
    });
    if (!outcome.found) return c.body(NOT_FOUND_PAGE, 404, NOT_FOUND_HEADERS);
    if (outcome.recorded) await new Promise<void>((resolve) => s.clicks.afterKept(resolve));
    return c.body(null, 302, { ...REDIRECT_HEADERS, Location: outcome.location });
  });
}
