import type { PortalStrings } from './i18n.js';
import { clearSession, type PortalSession } from './session.js';

type TextKey = { [K in keyof PortalStrings]: PortalStrings[K] extends string ? K : never }[keyof PortalStrings];

/**
 * Fills the page's static text in the session's language: every `[data-text="key"]` (the
 * `<title>` too) gets its text content, every `[data-label="key"]` its `aria-label`. The document's `lang` follows, which
 * is also how the advocacy components pick their language.
 */
export function applyText(t: PortalStrings, language: string): void {
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    element.textContent = t[element.dataset.text as TextKey];
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-label]')) {
    element.setAttribute('aria-label', t[element.dataset.label as TextKey]);
  }
}

/** The header's "signed in as" box and sign-out button; the admin link only for admins. */
export function applyHeader(t: PortalStrings, session: PortalSession): void {
  const name = document.querySelector<HTMLElement>('#user-name');
  if (name) name.textContent = session.employee.displayName;
  const team = document.querySelector<HTMLElement>('#user-team');
  if (team)
    team.textContent = session.employee.role === 'admin' ? `${session.employee.teamName} · ${t.roleAdmin}` : session.employee.teamName;
  const adminLink = document.querySelector<HTMLElement>('#nav-admin');
  if (adminLink) adminLink.hidden = session.employee.role !== 'admin';
  document.querySelector('#sign-out')?.addEventListener('click', async () => {
    await clearSession();
    location.assign('/signin.html');
  });
}
