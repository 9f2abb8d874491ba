import type { Employee } from '@advocacy-kit/core/backend';
import { isPortalLanguage, type PortalLanguage } from './i18n.js';
import { forgetOfflineData } from './offline.js';

/** What the demo sign-in keeps for the tab: the token, who it is for, and the chosen language. */
export interface PortalSession {
  token: string;
  employee: Employee;
  language: PortalLanguage;
}

const KEY = 'intranet-portal.session';

export function readSession(): PortalSession | null {
  const raw = sessionStorage.getItem(KEY);
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<PortalSession>;
    if (typeof value.token === 'string' && value.employee && isPortalLanguage(value.language)) {
      return value as PortalSession;
    }
  } catch {
    // A damaged entry is treated as signed out.
  }
  sessionStorage.removeItem(KEY);
  return null;
}

export function writeSession(session: PortalSession): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

/** Ends the session and deletes the API answers kept for offline reading (resolves once they are gone). */
export function clearSession(): Promise<void> {
  sessionStorage.removeItem(KEY);
  return forgetOfflineData();
}

/** The session, or a trip to the sign-in page (which comes back to this page afterwards). */
export function requireSession(): PortalSession | null {
  const session = readSession();
  if (session === null) {
    const back = location.pathname + location.search;
    location.replace(`/signin.html?next=${encodeURIComponent(back)}`);
  }
  return session;
}
