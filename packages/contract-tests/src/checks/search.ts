import type { FeedQuery, Post } from '@advocacy-kit/core/backend';
import { assert, assertEqual, step } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import { collectPages } from './pages.js';

/**
 * The feed's `q` (docs/search.md): every whitespace-separated term must be in the post's title,
 * summary or suggested commentary, as a case-insensitive, NFKC-normalised substring — so a
 * two-character Japanese term finds the longer word that contains it. Every backend returns the
 * same posts for the same query: the checks compare the ids of the posts they created.
 */

/** The ids of `mine` that the feed lists for `query`, sorted. */
async function found(context: CheckContext, mine: Post[], query: FeedQuery): Promise<string[]> {
  const ids = new Set(mine.map((post) => post.id));
  const items = await collectPages(`list the feed ${JSON.stringify(query)}`, (page) => context.employee.listFeed({ ...query, ...page }));
  return items
    .filter((item) => ids.has(item.id))
    .map((item) => item.id)
    .sort();
}

const ids = (...posts: Post[]) => posts.map((post) => post.id).sort();

/** Four posts: two Japanese (one with 障害対応, one with 障 and 害 apart), two English. */
async function searchPosts(context: CheckContext) {
  const [topic, otherTopic] = context.topics;
  const marker = context.unique('search');
  const incident = await context.createPost({
    title: '生成AIと障害対応の現場',
    summary: `${marker} 運用チームの座談会。`,
    locale: 'ja',
    topics: topic ? [topic.id] : [],
  });
  const apart = await context.createPost({ title: 'クラウド移行の記録', summary: `${marker} 障がいと害虫は別の言葉。`, locale: 'ja' });
  const outage = await context.createPost({
    title: 'Incident Response at Scale',
    summary: `${marker} How teams recover.`,
    suggestedCommentary: { en: { default: 'A calm OUTAGE playbook worth reading.' } },
    topics: otherTopic ? [otherTopic.id] : [],
  });
  const results = await context.createPost({ title: 'Quarterly results', summary: `${marker} Numbers.`, kind: 'owned' });
  return { marker, topic, otherTopic, incident, apart, outage, results, mine: [incident, apart, outage, results] };
}

export const searchChecks: Check[] = [
  {
    id: 'search.japanese-short-term',
    group: 'search',
    name: '「障害」 finds the Japanese post that contains 障害対応, and not one with 障 and 害 apart',
    async run(context) {
      const { incident, mine } = await searchPosts(context);
      for (const q of ['障害', '障害対応', '障害 現場']) {
        const actual = await found(context, mine, { q });
        assertEqual(actual, ids(incident), `q=${q} finds exactly the 障害対応 post among this check's posts`);
      }
    },
  },
  {
    id: 'search.latin-case',
    group: 'search',
    name: 'Latin terms match case-insensitively, full-width letters too, in the suggested commentary as well',
    async run(context) {
      const { marker, outage, mine } = await searchPosts(context);
      for (const q of [`${marker} incident`, `${marker} INCIDENT response`, `${marker} outage`, `${marker} ｉｎｃｉｄｅｎｔ`]) {
        const actual = await found(context, mine, { q });
        assertEqual(actual, ids(outage), `q=${q} finds exactly the English incident post`);
      }
      const all = await found(context, mine, { q: marker.toUpperCase() });
      assertEqual(all, ids(...mine), 'the marker in capitals finds all four posts');
    },
  },
  {
    id: 'search.filters',
    group: 'search',
    name: 'search combines with the topic, kind and locale filters',
    async run(context) {
      const { marker, topic, otherTopic, incident, apart, results, mine } = await searchPosts(context);
      if (!topic || !otherTopic) return context.skip('needs at least two topics');
      const inTopic = await found(context, mine, { q: '障害', topic: topic.id });
      assertEqual(inTopic, ids(incident), `q=障害 with topic ${topic.id} finds the 障害対応 post`);
      const otherTopicHits = await found(context, mine, { q: '障害', topic: otherTopic.id });
      assertEqual(otherTopicHits, [], `q=障害 with topic ${otherTopic.id} finds none of this check's posts`);
      const owned = await found(context, mine, { q: marker, kind: 'owned' });
      assertEqual(owned, ids(results), 'q=marker with kind owned finds only the owned post');
      const japanese = await found(context, mine, { q: marker, locale: 'ja' });
      assertEqual(japanese, ids(incident, apart), 'q=marker with locale ja finds the two Japanese posts');
    },
  },
  {
    id: 'search.paging-and-empty',
    group: 'search',
    name: 'search results page with the cursor, and a query that matches nothing lists nothing',
    async run(context) {
      const { marker, mine } = await searchPosts(context);
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 10; page++) {
        const result: { items: Post[]; nextCursor: string | null } = await step(`list the feed q=marker limit=1 (page ${page + 1})`, () =>
          context.employee.listFeed({ q: marker, limit: 1, cursor }),
        );
        seen.push(...result.items.map((item) => item.id));
        cursor = result.nextCursor;
        if (cursor === null) break;
      }
      assertEqual([...seen].sort(), ids(...mine), 'one post a page, each of the four once');
      const none = await step('list the feed for a term no post contains', () =>
        context.employee.listFeed({ q: `${marker} ${context.unique('absent')}`, limit: 100 }),
      );
      assert(none.items.length === 0 && none.nextCursor === null, 'no match is an empty page', 'no items, no cursor', none.items.length);
    },
  },
];
