/*
 * The portal as an installable app: registers the service worker (src/sw.js, built to /sw.js)
 * and forgets the API answers it kept when the person changes.
 */

/** The cache the service worker keeps the employee's API answers in (see src/sw.js). */
const API_CACHE = 'portal-api';

/**
 * Registers the service worker on the built portal (not under Vite's dev server). On the first
 * visit the page loaded before the worker was there; `onFirstControl` runs once it takes over, so
 * the page can read what it shows again through it (and the worker keeps it for offline reading).
 */
export function registerServiceWorker(onFirstControl: () => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  if (navigator.serviceWorker.controller === null) {
    navigator.serviceWorker.addEventListener('controllerchange', onFirstControl, { once: true });
  }
  // After the page has loaded: the worker's install fetches the whole shell, which would
  // otherwise compete with what the page itself needs first.
  const register = () =>
    void navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without a service worker the portal still works, only not offline.
    });
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}

/** Deletes the API answers kept for offline reading: on sign-out and sign-in, never shown to the next person. */
export async function forgetOfflineData(): Promise<void> {
  if (!('caches' in globalThis)) return;
  await caches.delete(API_CACHE);
}
