import type { EngagementMessage } from '../content.js';
import { httpUrl } from './links.js';
import { messageLines, STRINGS } from './strings.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML text or attribute value: nothing in it becomes markup. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
/** Only http(s) links are kept; anything else becomes `#`. */
const safeUrl = (url: string) => httpUrl(url) ?? '#';

export interface EmailMessage {
  subject: string;
  html: string;
  text: string;
}

/** An email (subject, HTML with every value escaped, and the plain-text part). */
export function renderEmail(message: EngagementMessage): EmailMessage {
  const lines = messageLines(message);
  const open = STRINGS[message.locale].open;
  const posts = message.posts
    .map(
      (post) =>
        `<li style="margin:0 0 12px"><a href="${escapeHtml(safeUrl(post.url))}" style="color:#0b5cad;font-weight:600">${escapeHtml(post.title)}</a><br><span style="color:#444">${escapeHtml(post.summary)}</span></li>`,
    )
    .join('');
  const html = [
    `<!doctype html><html lang="${message.locale}"><head><meta charset="utf-8"><title>${escapeHtml(lines.subject)}</title></head>`,
    "<body style=\"font-family:system-ui,-apple-system,'Segoe UI','Hiragino Sans','Yu Gothic',sans-serif;line-height:1.6;color:#1a1a1a\">",
    `<h1 style="font-size:20px">${escapeHtml(lines.greeting)}</h1>`,
    ...lines.summary.map((line) => `<p>${escapeHtml(line)}</p>`),
    lines.postsHeading === null ? '' : `<h2 style="font-size:16px">${escapeHtml(lines.postsHeading)}</h2>`,
    lines.empty === null ? '' : `<p>${escapeHtml(lines.empty)}</p>`,
    posts === '' ? '' : `<ul style="padding-left:18px">${posts}</ul>`,
    `<p style="font-size:12px;color:#666">${escapeHtml(lines.footer)}</p>`,
    '</body></html>',
  ].join('');
  const text = [
    lines.greeting,
    '',
    ...lines.summary,
    ...(lines.postsHeading === null ? [] : ['', lines.postsHeading]),
    ...(lines.empty === null ? [] : ['', lines.empty]),
    ...message.posts.map((post) => `- ${post.title}\n  ${open}: ${safeUrl(post.url)}`),
    '',
    lines.footer,
  ].join('\n');
  return { subject: lines.subject, html, text };
}
