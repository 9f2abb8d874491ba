import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;
const VARIES_BY_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;
const gzipped = promisify(gzip);

/** Whether an `Accept-Encoding` header accepts gzip: named with a q above 0, or `*` with one and gzip not named. */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  let wildcard = false;
  for (const part of header.split(',')) {
    const [name = '', ...parameters] = part.split(';').map((item) => item.trim());
    const q = parameters.find((parameter) => /^q=/i.test(parameter));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    const coding = name.toLowerCase();
    if (coding === 'gzip') return accepted;
    if (coding === '*') wildcard = accepted;
  }
  return wildcard;
}

/**
 * Gzips JSON responses (including problem+json) of at least `threshold` bytes for clients that
 * accept it; every JSON answer says `Vary: Accept-Encoding`. A small answer stays as it is, where
 * gzip would cost more than it saves. Only headers are read until gzip is due: reading the body
 * (or `c.header()` on a finished answer) turns the Node adapter's lightweight answer into a
 * streamed web Response, which every API answer would pay for.
 */
export function compressJson(threshold = 1024): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const headers = res.headers;
    if (res.status === 206 || c.req.method === 'HEAD' || headers.has('Content-Encoding') || headers.has('Transfer-Encoding')) return;
    if (!JSON_TYPE.test(headers.get('Content-Type') ?? '') || NO_TRANSFORM.test(headers.get('Cache-Control') ?? '')) return;
    const vary = headers.get('Vary');
    if (vary !== '*' && !(vary !== null && VARIES_BY_ENCODING.test(vary)))
      headers.set('Vary', vary === null ? 'Accept-Encoding' : `${vary}, Accept-Encoding`);
    const length = headers.get('Content-Length');
    if ((length !== null && Number(length) < threshold) || !acceptsGzip(c.req.header('Accept-Encoding')) || res.body === null) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const answer = new Headers(headers);
    if (body.byteLength < threshold) {
      answer.set('Content-Length', String(body.byteLength));
      c.res = new Response(body, { status: res.status, statusText: res.statusText, headers: answer });
      return;
    }
    const zipped = await gzipped(body);
    answer.set('Content-Encoding', 'gzip');
    answer.set('Content-Length', String(zipped.byteLength));
    c.res = new Response(zipped, { status: res.status, statusText: res.statusText, headers: answer });
  };
}
