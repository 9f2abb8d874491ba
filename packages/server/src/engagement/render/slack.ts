import type { EngagementMessage } from '../content.js';
import { messageLines, STRINGS } from './strings.js';

/** Slack's mrkdwn needs &, < and > escaped; link labels must not contain `|` or `>`. */
const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const label = (text: string) => escapeSlack(text.replace(/\|/g, '│'));

/** A Slack message (Block Kit) ready for `chat.postMessage` or an incoming webhook; `text` is the notification fallback. */
export function renderSlack(message: EngagementMessage): { text: string; blocks: unknown[] } {
  const lines = messageLines(message);
  const open = STRINGS[message.locale].open;
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: lines.subject, emoji: false } },
    { type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(lines.greeting)}*\n${lines.summary.map(escapeSlack).join('\n')}` } },
  ];
  if (lines.postsHeading !== null) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${escapeSlack(lines.postsHeading)}*` } });
  if (lines.empty !== null) blocks.push({ type: 'section', text: { type: 'plain_text', text: lines.empty } });
  for (const post of message.posts) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*<${post.url}|${label(post.title)}>*\n${escapeSlack(post.summary)}` },
      accessory: { type: 'button', text: { type: 'plain_text', text: open }, url: post.url },
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'plain_text', text: lines.footer }] });
  return { text: `${lines.subject} — ${lines.greeting}`, blocks };
}
