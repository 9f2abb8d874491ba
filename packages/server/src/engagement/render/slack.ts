import type { EngagementMessage } from '../content.js';
import { httpUrl } from './links.js';
import { messageLines, STRINGS } from './strings.js';

/**
 * Slack reads `&`, `<` and `>` as control characters (`<!channel>`, `<@U…>`, `<url|label>`) in
 * every text field, the notification fallback included: they are escaped in all of them.
 */
const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A link label must not contain `|`, which would end it. */
const label = (text: string) => escapeSlack(text.replace(/\|/g, '│'));
/** A URL inside `<url|label>`: a `|` would end it, so it is percent-encoded like the rest. */
const linkTarget = (url: string) => escapeSlack(url.replace(/\|/g, '%7C'));
const plainText = (text: string) => ({ type: 'plain_text', text: escapeSlack(text), emoji: false });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });

/**
 * A Slack message (Block Kit) ready for `chat.postMessage` or an incoming webhook; `text` is the
 * notification fallback. Only http(s) post links become links and buttons; a post with any
 * other link is listed as text.
 */
export function renderSlack(message: EngagementMessage): { text: string; blocks: unknown[] } {
  const lines = messageLines(message);
  const open = STRINGS[message.locale].open;
  const blocks: unknown[] = [
    { type: 'header', text: plainText(lines.subject) },
    { type: 'section', text: mrkdwn(`*${escapeSlack(lines.greeting)}*\n${lines.summary.map(escapeSlack).join('\n')}`) },
  ];
  if (lines.postsHeading !== null) blocks.push({ type: 'section', text: mrkdwn(`*${escapeSlack(lines.postsHeading)}*`) });
  if (lines.empty !== null) blocks.push({ type: 'section', text: plainText(lines.empty) });
  for (const post of message.posts) {
    const url = httpUrl(post.url);
    const title = url === null ? escapeSlack(post.title) : `<${linkTarget(url)}|${label(post.title)}>`;
    blocks.push({
      type: 'section',
      text: mrkdwn(`*${title}*\n${escapeSlack(post.summary)}`),
      ...(url === null ? {} : { accessory: { type: 'button', text: plainText(open), url } }),
    });
  }
  blocks.push({ type: 'context', elements: [plainText(lines.footer)] });
  return { text: escapeSlack(`${lines.subject} — ${lines.greeting}`), blocks };
}
