import type { Context, Hono } from 'hono';
import { isbot } from 'isbot';
import type { AppEnv, Services } from '../context.js';
import { clientIp } from '../http/client-ip.js';
import { TRACKING_CODE } from '../ids.js';

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Link not found</title></head>
<body><main><h1>Link not found</h1><p>This link is not valid or no longer exists. Check that it was copied completely.</p></main></body></html>
`;

const notFoundPage = (c: Context) =>
  c.html(NOT_FOUND_PAGE, 404, { 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'" });

/**
 * `GET /r/:code`: 302 to the share's registered destination. Crawlers (isbot) and HEAD requests
 * get the redirect but are not counted; human clicks go to the click buffer, so the response
 * never waits on a write. Unknown or malformed codes get a 404 page, never a redirect elsewhere.
 */
export function redirectRoutes(app: Hono<AppEnv>, s: Services): void {
  app.get('/r/:code', async (c) => {
    const code = c.req.param('code');
    if (!TRACKING_CODE.test(code)) return notFoundPage(c);
    const ip = clientIp(c, s.config.trustProxy);
    s.limits.redirect.take(ip);
    const cached = s.links.peek(code);
    const target = cached === undefined ? await s.links.load(code) : cached;
    if (target === null) return notFoundPage(c);
    const userAgent = c.req.header('user-agent') ?? '';
    if (c.req.method === 'GET' && userAgent !== '' && !isbot(userAgent)) s.clicks.record(target, { ip, userAgent });
    return c.body(null, 302, { Location: target.destination, 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' });
  });
}
