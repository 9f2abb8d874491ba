/** Where the portal reaches the reference server: same origin, proxied (see vite.config.ts). */
export const API_BASE_URL = `${location.origin}/api/v1`;
