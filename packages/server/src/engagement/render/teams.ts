import type { EngagementMessage } from '../content.js';
import { httpUrl } from './links.js';
import { messageLines, STRINGS } from './strings.js';

/**
 * A Microsoft Teams message carrying an Adaptive Card (1.5), ready to post to a Teams
 * workflow webhook or through the Bot Framework. TextBlocks interpret a markdown subset whose
 * only active part is links, so `](` in post texts is broken up: a title cannot smuggle in a
 * link; the only links are the posts' own, and only http(s) ones (a post with any other link is
 * shown without one).
 */
export function renderTeams(message: EngagementMessage): {
  type: 'message';
  attachments: Array<{ contentType: string; content: Record<string, unknown> }>;
} {
  const lines = messageLines(message);
  const open = STRINGS[message.locale].open;
  const plain = (text: string) => text.replace(/\]\(/g, '] (');
  const body: unknown[] = [
    { type: 'TextBlock', text: plain(lines.subject), weight: 'Bolder', size: 'Large', wrap: true },
    { type: 'TextBlock', text: plain(lines.greeting), weight: 'Bolder', wrap: true },
    ...lines.summary.map((line) => ({ type: 'TextBlock', text: plain(line), wrap: true, spacing: 'Small' })),
  ];
  if (lines.postsHeading !== null)
    body.push({ type: 'TextBlock', text: plain(lines.postsHeading), weight: 'Bolder', wrap: true, spacing: 'Medium' });
  if (lines.empty !== null) body.push({ type: 'TextBlock', text: plain(lines.empty), wrap: true });
  for (const post of message.posts) {
    const url = httpUrl(post.url);
    body.push({
      type: 'Container',
      spacing: 'Medium',
      ...(url === null ? {} : { selectAction: { type: 'Action.OpenUrl', url, title: open } }),
      items: [
        { type: 'TextBlock', text: plain(post.title), weight: 'Bolder', wrap: true, color: 'Accent' },
        { type: 'TextBlock', text: plain(post.summary), wrap: true, isSubtle: true, maxLines: 3 },
      ],
    });
  }
  body.push({ type: 'TextBlock', text: plain(lines.footer), size: 'Small', isSubtle: true, wrap: true, spacing: 'Large' });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          type: 'AdaptiveCard',
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          version: '1.5',
          lang: message.locale,
          body,
        },
      },
    ],
  };
}
