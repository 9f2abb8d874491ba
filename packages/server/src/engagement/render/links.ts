/**
 * A post's link as a message may carry it: an absolute http(s) URL, normalised (so `<`, `>` and
 * spaces are percent-encoded), or null for anything else (`javascript:`, `data:`, not a URL).
 * Every renderer links only through this; a post without a usable link is shown as text.
 */
export function httpUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
