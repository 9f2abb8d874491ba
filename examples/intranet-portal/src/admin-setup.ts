import type { AdvocacyProviderElement } from '@advocacy-kit/elements';
import { API_BASE_URL } from './api.js';
import { strings } from './i18n.js';
import { clearSession, requireSession } from './session.js';
import { applyHeader, applyText, watchLanguage } from './shell.js';

/*
 * The admin page's set-up. `admin.ts` imports this module before the components' define
 * modules, so the provider is configured before its class upgrades it and builds its client.
 */
const session = requireSession();
if (session !== null) {
  const t = strings(session.language);
  applyText(t, session.language);
  applyHeader(t, session);
  const provider = document.querySelector('advocacy-provider') as AdvocacyProviderElement;
  watchLanguage(session, strings, provider);
  if (session.employee.role !== 'admin') {
    const status = document.querySelector<HTMLElement>('#admin-status')!;
    status.textContent = t.adminForbidden;
    status.classList.add('error');
    provider.remove();
  } else {
    provider.baseUrl = API_BASE_URL;
    provider.locale = session.language;
    provider.storageKey = `intranet-portal:${session.employee.id}`;
    provider.getToken = () => session.token;
    provider.addEventListener('advocacy-error', (event) => {
      if (event.detail.error.code === 'unauthorized') {
        void clearSession().then(() => requireSession());
      }
    });
    // The list's Edit opens the post in the editor; whatever is saved or reviewed shows in the list.
    const editor = document.querySelector('#post-editor') as HTMLElement & { post: unknown };
    const list = document.querySelector('advocacy-content-list') as HTMLElement & { refresh(): Promise<void> };
    provider.addEventListener('advocacy-post-edit', (event) => {
      editor.post = event.detail.post;
      editor.scrollIntoView({ block: 'start' });
      editor.focus();
    });
    provider.addEventListener('advocacy-post-save', () => void list.refresh());
  }
}
