import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EngagementMessage } from '../../src/engagement/content.js';
import { renderSlack } from '../../src/engagement/render/slack.js';
import { renderTeams } from '../../src/engagement/render/teams.js';

// Digests carry text the server does not write (display names from the identity provider, post
// titles and summaries, links) into Slack and Teams. There it must stay text: no @channel pings,
// no links of its own, and no link that is not http(s).

const message = (kind: EngagementMessage['kind']): EngagementMessage => ({
  kind,
  locale: 'en',
  employee: { id: 'e1', displayName: '<!channel> Ann & <@U123>', team: 't', timeZone: 'UTC' },
  week: '2026-W10',
  posts: [
    {
      id: 'p1',
      title: 'Launch <!channel> <https://evil.example|click>',
      summary: '<!here> <https://evil.example|more>',
      url: 'javascript:alert(1)',
    },
    { id: 'p2', title: 'Safe | sound > all', summary: 'Read it', url: 'https://news.example.com/a|b?x=1&y=<2>' },
    { id: 'p3', title: 'Data', summary: '', url: 'data:text/html,<script>alert(1)</script>' },
  ],
  points: { lastSevenDays: 1, total: 12 },
  rank: null,
  results: { shares: 1, clicks: 0, conversions: 0 },
  daysSinceLastShare: null,
});

/** Every string under a key named `key`, at any depth. */
function fields(value: unknown, key: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => fields(item, key));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, inner]) => (name === key && typeof inner === 'string' ? [inner] : fields(inner, key)));
}

/** The `<url|label>` links the renderer writes: the only control sequences allowed in Slack text. */
const SLACK_LINK = /<(https?:\/\/[^|<>\s]+)\|[^<>]*>/g;

describe('security: Slack and Teams digests', () => {
  for (const kind of ['digest', 'nudge'] as const) {
    it(`Slack (${kind}): every text field, the fallback included, is escaped; links are http(s) only`, () => {
      const slack = renderSlack(message(kind));
      assert.match(slack.text, /&lt;!channel&gt; Ann &amp; &lt;@U123&gt;/);
      const texts = fields(slack, 'text');
      assert.ok(texts.length > 3);
      for (const text of texts) {
        const links = [...text.matchAll(SLACK_LINK)].map((match) => match[1]!);
        for (const url of links) assert.equal(new URL(url.replace(/&amp;/g, '&')).host, 'news.example.com', text);
        const outside = text.replace(SLACK_LINK, '');
        assert.doesNotMatch(outside, /[<>]/, `a control sequence outside the renderer's links: ${text}`);
        assert.doesNotMatch(outside, /&(?!amp;|lt;|gt;)/, `an unescaped &: ${text}`);
      }
      for (const url of fields(slack, 'url')) assert.match(url, /^https:\/\/news\.example\.com\//);
      const json = JSON.stringify(slack);
      assert.doesNotMatch(json, /javascript:|data:text/);
      if (kind === 'digest') {
        // The posts whose links were dropped are still listed, as text.
        assert.match(json, /Launch &lt;!channel&gt; &lt;https:\/\/evil.example\|click&gt;/);
        assert.match(json, /Data/);
        // `|` in a URL would end it inside Slack's <url|label>.
        assert.match(json, /<https:\/\/news.example.com\/a%7Cb\?x=1&amp;y=%3C2%3E\|Safe │ sound &gt; all>/);
      }
    });

    it(`Teams (${kind}): only http(s) links open from the card`, () => {
      const teams = renderTeams(message(kind));
      const urls = fields(teams, 'url');
      for (const url of urls) assert.match(url, /^https:\/\/news\.example\.com\//);
      const json = JSON.stringify(teams);
      assert.doesNotMatch(json, /javascript:|data:text/);
      if (kind === 'digest') {
        assert.equal(urls.length, 1);
        assert.match(json, /Launch <!channel>/, 'Teams shows the title as text');
        assert.match(json, /"Data"/);
      }
    });
  }
});
