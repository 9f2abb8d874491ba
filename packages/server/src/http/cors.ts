import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

interface CorsOptions {
  /** The origin to allow (the request's), or null. */
  origin: (origin: string) => string | null;
  allowHeaders: string[];
  allowMethods: string[];
  exposeHeaders: string[];
  maxAge: number;
}

/**
 * Hono's `cors`, with the headers of an ordinary (not preflight) request set on the answer once it
 * is made. Hono's sets them on `c.res` before the handler runs, which makes an empty response
 * that the handler's answer then has to be copied over: the adapter turns that copy into a
 * streamed web Response, a cost every API answer paid. Same headers: `Access-Control-Allow-Origin`
 * and `Access-Control-Expose-Headers` for an allowed origin, `Vary: Origin` always; preflights
 * (OPTIONS) go to Hono's as they are.
 */
export function corsHeaders(options: CorsOptions): MiddlewareHandler {
  const preflight = cors(options);
  const expose = options.exposeHeaders.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const allowed = options.origin(c.req.header('origin') ?? '');
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', allowed);
      if (expose !== '') c.res.headers.set('Access-Control-Expose-Headers', expose);
    }
    c.res.headers.append('Vary', 'Origin');
  };
}
