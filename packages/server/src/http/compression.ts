import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const ACCEPTS_GZIP = /\bgzip\b/i;

/**
 * Gzips JSON responses (including problem+json) of at least `threshold` bytes for clients that
 * accept it. Hono's `compress` applies its threshold only to a response with a Content-Length,
 * and `c.json()` sets none, so a JSON body already in memory is measured here first; a small
 * answer stays as it is, where gzip would cost more than it saves.
 */
export function compressJson(threshold = 1024): MiddlewareHandler {
  const gzip = compress({ encoding: 'gzip', threshold, contentTypeFilter: JSON_TYPE });
  return (c, next) =>
    gzip(c, async () => {
      await next();
      const res = c.res;
      if (res.body === null || res.headers.has('Content-Length') || res.headers.has('Content-Encoding')) return;
      if (!JSON_TYPE.test(res.headers.get('Content-Type') ?? '') || !ACCEPTS_GZIP.test(c.req.header('Accept-Encoding') ?? '')) return;
      const body = await res.arrayBuffer();
      const headers = new Headers(res.headers);
      headers.set('Content-Length', String(body.byteLength));
      c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
    });
}
