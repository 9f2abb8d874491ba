import type { AdvocacyProviderElement } from '@advocacy-kit/elements';
import { API_BASE_URL } from './api.js';
import { strings } from './i18n.js';
import { renderNews } from './news.js';
import { registerServiceWorker } from './offline.js';
import { clearSession, requireSession } from './session.js';
import { applyHeader, applyText, watchLanguage } from './shell.js';

/*
 * The home page's set-up. `home.ts` imports this module before the components' define modules;
 * the provider's settings wait for `configureProvider()`, which `home.ts` calls in a task after the
 * provider's definition, so that building the client is a task of its own (see there).
 */
const session = requireSession();

/**
 * Gives the provider its settings: its next update builds the client, once (the provider has no
 * client before, without a base URL).
 */
export function configureProvider(provider: AdvocacyProviderElement): void {
  if (session === null) return;
  provider.baseUrl = API_BASE_URL;
  provider.locale = session.language;
  // One event queue per employee in this browser.
  provider.storageKey = `intranet-portal:${session.employee.id}`;
  // The portal's session knows who is signed in: events are stored as theirs at once.
  provider.employeeId = session.employee.id;
  provider.getToken = () => session.token;
}

if (session !== null) {
  const t = strings(session.language);
  // The build filled the page in its first language (src/prerender.ts): only another one is swapped in.
  if (document.documentElement.dataset.prerendered !== session.language) {
    applyText(t, session.language);
    renderNews(document.querySelector('#news-list')!, t.news, session.language);
  }
  applyHeader(t, session);

  const provider = document.querySelector('advocacy-provider') as AdvocacyProviderElement;
  watchLanguage(session, strings, provider, (language) =>
    renderNews(document.querySelector('#news-list')!, strings(language).news, language),
  );
  // A token the server no longer accepts (it expired, or the server's secret changed): sign in again.
  provider.addEventListener('advocacy-error', (event) => {
    if (event.detail.error.code === 'unauthorized') {
      void clearSession().then(() => requireSession());
    }
  });
  // Installable, and readable offline: the shell and the last feed (src/sw.js).
  registerServiceWorker(() => void provider.activeClient?.feed.refresh());
}
