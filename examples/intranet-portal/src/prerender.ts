import { strings, type PortalLanguage, type PortalStrings } from './i18n.js';
import { formatNewsDate } from './news.js';

/*
 * Build-time text for the pages (used by vite.config.ts): the same `data-text` / `data-label`
 * keys the browser fills from the session's language are filled here in the default language,
 * so the first paint already shows real text and the scripts only swap it for other languages.
 * `<html data-prerendered>` names the language filled in, so a page in that language is left as is.
 */

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function text(t: PortalStrings, key: string): string {
  const value = t[key as keyof PortalStrings];
  if (typeof value !== 'string') throw new Error(`No portal string "${key}"`);
  return escapeHtml(value);
}

export function prerender(html: string, language: PortalLanguage): string {
  const t = strings(language);
  const news = t.news
    .map(
      (item) =>
        `<li><h3>${escapeHtml(item.title)}</h3><time datetime="${item.date}">${escapeHtml(formatNewsDate(item.date, language))}</time><p>${escapeHtml(item.body)}</p></li>`,
    )
    .join('');
  return html
    .replace(/<html lang="[^"]*">/, `<html lang="${language}" data-prerendered="${language}">`)
    .replace(
      /(<([a-z0-9]+)\b[^>]*\bdata-text="([A-Za-z]+)"[^>]*>)[^<]*(<\/\2>)/g,
      (_, open, _tag, key, close) => open + text(t, key) + close,
    )
    .replace(/(\bdata-label="([A-Za-z]+)"[^>]*\baria-label=")[^"]*(")/g, (_, head, key, tail) => head + text(t, key) + tail)
    .replace(/(<ul id="news-list"[^>]*>)(<\/ul>)/, (_, open, close) => open + news + close);
}
