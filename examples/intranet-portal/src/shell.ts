import type { AdvocacyProviderElement } from '@advocacy-kit/elements';
import { isPortalLanguage, type PortalLanguage, type PortalStrings } from './i18n.js';
import { clearSession, writeSession, type PortalSession } from './session.js';

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
  applyUser(t, session);
  const adminLink = document.querySelector<HTMLElement>('#nav-admin');
  if (adminLink) adminLink.hidden = session.employee.role !== 'admin';
  document.querySelector('#sign-out')?.addEventListener('click', async () => {
    await clearSession();
    location.assign('/signin.html');
  });
}

/** Who is signed in, in the header, in the language of `t`. */
function applyUser(t: PortalStrings, session: PortalSession): void {
  const name = document.querySelector<HTMLElement>('#user-name');
  if (name) name.textContent = session.employee.displayName;
  const team = document.querySelector<HTMLElement>('#user-team');
  if (team)
    team.textContent = session.employee.role === 'admin' ? `${session.employee.teamName} · ${t.roleAdmin}` : session.employee.teamName;
}

/**
 * The header's language switch, for after sign-in. A new choice is kept for the tab (the session,
 * so a reload keeps it) and in the employee's profile (their preferences' `locale`, where the
 * backend has them), and the page switches at once: its own text and the document's `lang`,
 * which the advocacy components follow without a reload; `show(language)` redraws the rest.
 */
export function watchLanguage(
  session: PortalSession,
  t: (language: PortalLanguage) => PortalStrings,
  provider: AdvocacyProviderElement,
  show: (language: PortalLanguage) => void = () => {},
): void {
  const select = document.querySelector<HTMLSelectElement>('#portal-language');
  if (!select) return;
  select.value = session.language;
  select.addEventListener('change', () => {
    const language = select.value;
    if (!isPortalLanguage(language) || language === session.language) return;
    session.language = language;
    writeSession(session);
    applyText(t(language), language);
    applyUser(t(language), session);
    show(language);
    if (!provider.isConnected) return;
    provider.locale = language;
    const client = provider.activeClient;
    // The page has switched already: a refusal only means the profile keeps its old language.
    void client?.backend
      .updatePreferences?.({ locale: language })
      .then(() => client.me.refresh())
      .catch(() => {});
  });
}
