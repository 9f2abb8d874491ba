import type { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { messageLocale } from '../engagement/content.js';
import { escapeHtml } from '../engagement/render/email.js';
import { updatePreferences } from '../engagement/preferences.js';
import { nowIso } from '../ids.js';
import { DELIVERY_STRINGS } from './render.js';
import { readUnsubscribeToken, unsubscribeKey, type UnsubscribeScope } from './unsubscribe.js';

/** The page's headers: nothing loads, nothing caches it, and the token in its URL leaks to no one. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

const page = (locale: 'en' | 'ja', title: string, body: string) =>
  `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.6"><h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>${body}</body></html>`;

/**
 * The unsubscribe link of every email (`/unsubscribe/<token>`): a GET shows a page with a button
 * (mail scanners follow links, so a GET changes nothing), and a POST — the button, or a mail
 * client's one-click unsubscribe (RFC 8058, `List-Unsubscribe=One-Click`) — turns the digest,
 * reminders or both off for the employee the signed token names. No sign-in: the token is the proof.
 */
export function unsubscribeRoutes(app: Hono<AppEnv>, s: Services): void {
  const key = unsubscribeKey(s.clickSalt);
  const read = async (token: string) => {
    const claim = readUnsubscribeToken(key, token);
    if (claim === null) return null;
    const employee = await s.db.selectFrom('employees').select(['id', 'locale']).where('id', '=', claim.employeeId).executeTakeFirst();
    return employee === undefined ? null : { ...claim, locale: messageLocale(employee.locale) };
  };
  const invalidLink = () => {
    const t = DELIVERY_STRINGS.en;
    return new Response(page('en', t.invalidLink, `<p lang="ja">${escapeHtml(DELIVERY_STRINGS.ja.invalidLink)}</p>`), {
      status: 404,
      headers: PAGE_HEADERS,
    });
  };
  const turnOff = (scope: UnsubscribeScope) =>
    scope === 'digest' ? { digest: false } : scope === 'nudges' ? { nudges: false } : { digest: false, nudges: false };

  app.get('/unsubscribe/:token', async (c) => {
    const claim = await read(c.req.param('token'));
    if (claim === null) return invalidLink();
    const t = DELIVERY_STRINGS[claim.locale];
    const form = `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(t.confirmButton)}</button></form>`;
    return new Response(page(claim.locale, t.confirmTitle, form), { status: 200, headers: PAGE_HEADERS });
  });

  app.post('/unsubscribe/:token', async (c) => {
    const claim = await read(c.req.param('token'));
    if (claim === null) return invalidLink();
    await updatePreferences(s.db, claim.employeeId, turnOff(claim.scope), nowIso());
    const t = DELIVERY_STRINGS[claim.locale];
    return new Response(page(claim.locale, t.unsubscribedTitle, `<p>${escapeHtml(t.unsubscribedBody(claim.scope))}</p>`), {
      status: 200,
      headers: PAGE_HEADERS,
    });
  });
}
