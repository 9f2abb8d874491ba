/* global __SHELL__ -- replaced by the build (vite.config.ts) */
/*
 * The portal's service worker. The build (vite.config.ts) writes it to `dist/sw.js` with
 * `__SHELL__` replaced by the built shell's files and `__VERSION__` by a hash of them, so each
 * build gets its own caches and the previous build's are deleted when it takes over.
 *
 * - The shell (the home and sign-in pages, their scripts, the icons): cached at install,
 *   served cache-first.
 * - The employee's own reads that the home page shows (feed, topics, me, stats, leaderboard,
 *   contests, badges): network-first; the last answer is kept and served when the network is
 *   away, so the portal opens offline with the last feed (and the feed's own offline notice).
 * - Nothing else is cached: not admin APIs, not writes, not tracking redirects. The page deletes
 *   the API cache when the employee signs out or signs in (src/offline.ts), so one person's data
 *   never shows for the next.
 */
const VERSION = '__VERSION__';
const SHELL = __SHELL__;
const SHELL_CACHE = `portal-shell-${VERSION}`;
const API_CACHE = 'portal-api';
const API_READS = /^\/api\/v1\/(feed|topics|me|me\/stats|me\/badges|leaderboard|contests)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name.startsWith('portal-shell-') && name !== SHELL_CACHE).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim()),
  );
});

/** Network first; a 2xx answer is kept, and the kept one answers when the network fails. */
async function networkFirst(request) {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

/**
 * Cache first for the shell; a navigation with a query string is the page itself. `ignoreVary`:
 * module scripts are requested with an Origin header the install's requests did not have, and
 * the server answers with `Vary: Origin`.
 */
async function cacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const kept = await cache.match(request, { ignoreSearch: request.mode === 'navigate', ignoreVary: true });
  return kept ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (API_READS.test(url.pathname)) {
    event.respondWith(networkFirst(request));
    return;
  }
  const path = request.mode === 'navigate' && url.pathname === '/' ? '/index.html' : url.pathname;
  if (SHELL.includes(path)) event.respondWith(cacheFirst(path === url.pathname ? request : new Request(path)));
});
