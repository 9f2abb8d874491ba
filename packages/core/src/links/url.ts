/**
 * Whether `value` is an http(s) URL: absolute, or relative to `base` (a page's address, for
 * links shown on that page). Every URL that comes from a backend — a post's link and image, an
 * avatar, a suggested link — goes through it before it becomes an `href` or a `src`: anything
 * else (`javascript:`, `data:`, however it is spelt or padded) is shown as text or not at all.
 * It parses as a browser parses an `href`, so what passes here is what the browser follows.
 */
export function isHttpUrl(value: unknown, base?: string | URL): value is string {
  try {
    return typeof value == 'string' && /^https?:$/.test(new URL(value, base).protocol);
  } catch {
    return false;
  }
}
