import { isHttpUrl } from '@advocacy-kit/core/links';

/**
 * Whether a URL from the backend may become an `href` or a `src`: http(s), or a path on this
 * page's site. Anything else renders no link or image; its text stays text.
 */
export const linkable = (value: unknown): value is string => isHttpUrl(value, document.baseURI);
