import { assert, expectError, step } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import { findInFeed } from './pages.js';

const DAY = 24 * 60 * 60 * 1000;
const at = (offsetMs: number): string => new Date(Date.now() + offsetMs).toISOString();

/** Asserts the employee sees the post in the feed and can open it. */
async function expectVisible(context: CheckContext, postId: string, why: string): Promise<void> {
  const found = await findInFeed(context.employee, postId);
  assert(found !== undefined, `${why}: the post is in the employee's feed`, `post ${postId} listed`, 'not listed');
  await step(`open post ${postId} as the employee`, () => context.employee.getPost(postId));
}

/** Asserts the post is neither listed nor openable (not_found) for the employee. */
async function expectHidden(context: CheckContext, postId: string, why: string): Promise<void> {
  const found = await findInFeed(context.employee, postId);
  assert(found === undefined, `${why}: the post stays out of the employee's feed`, 'not listed', found);
  await expectError(`${why}: opening the post by id is not_found for the employee`, 'not_found', () => context.employee.getPost(postId));
}

export const feedChecks: Check[] = [
  {
    id: 'feed.published',
    group: 'feed',
    name: 'a published post appears in the feed and opens by id',
    async run(context) {
      const post = await context.createPost();
      await expectVisible(context, post.id, 'a post published now');
      const opened = await step('open the post as the employee', () => context.employee.getPost(post.id));
      assert(
        opened.title === post.title && opened.url === post.url,
        'getPost returns the post as created',
        `${post.title} ${post.url}`,
        opened,
      );
    },
  },
  {
    id: 'feed.topic',
    group: 'feed',
    name: 'the topic filter lists only posts with that topic',
    async run(context) {
      const [topic, otherTopic] = context.topics;
      if (!topic || !otherTopic) return context.skip('needs at least two topics');
      const post = await context.createPost({ topics: [topic.id] });
      const page = await step(`list the feed for topic ${topic.id}`, () => context.employee.listFeed({ topic: topic.id, limit: 100 }));
      const strays = page.items.filter((item) => !item.topics.includes(topic.id)).map((item) => item.id);
      assert(strays.length === 0, `every post in the topic feed has topic ${topic.id}`, 'no other topics', strays);
      assert(
        (await findInFeed(context.employee, post.id, { topic: topic.id })) !== undefined,
        `the post with topic ${topic.id} is in that topic's feed`,
        'listed',
        'not listed',
      );
      assert(
        (await findInFeed(context.employee, post.id, { topic: otherTopic.id })) === undefined,
        `the post stays out of the feed for topic ${otherTopic.id}`,
        'not listed',
        'listed',
      );
    },
  },
  {
    id: 'feed.locale',
    group: 'feed',
    name: 'the locale filter lists only posts written in that language',
    async run(context) {
      const post = await context.createPost({ locale: 'ja' });
      const page = await step('list the feed for locale ja', () => context.employee.listFeed({ locale: 'ja', limit: 100 }));
      const strays = page.items.filter((item) => item.locale !== 'ja').map((item) => `${item.id}:${item.locale}`);
      assert(strays.length === 0, 'every post in the ja feed is written in ja', 'only ja posts', strays);
      assert(
        (await findInFeed(context.employee, post.id, { locale: 'ja' })) !== undefined,
        'the ja post is in the ja feed',
        'listed',
        'not listed',
      );
      assert(
        (await findInFeed(context.employee, post.id, { locale: 'en' })) === undefined,
        'the ja post stays out of the en feed',
        'not listed',
        'listed',
      );
      assert((await findInFeed(context.employee, post.id)) !== undefined, 'the ja post is in the unfiltered feed', 'listed', 'not listed');
    },
  },
  {
    id: 'feed.audience-team',
    group: 'feed',
    name: "a post for another team is hidden; a post for the employee's team is shown",
    async run(context) {
      const otherTeam = context.teams.find((team) => team.id !== context.me.team);
      if (!otherTeam) return context.skip('needs a second team');
      const hidden = await context.createPost({ audience: { teams: [otherTeam.id], roles: [] } });
      await expectHidden(context, hidden.id, `a post for team ${otherTeam.id}`);
      const shown = await context.createPost({ audience: { teams: [context.me.team], roles: [] } });
      await expectVisible(context, shown.id, `a post for the employee's team ${context.me.team}`);
    },
  },
  {
    id: 'feed.audience-role',
    group: 'feed',
    name: 'a post for admins only is hidden from employees',
    async run(context) {
      const post = await context.createPost({ audience: { teams: [], roles: ['admin'] } });
      await expectHidden(context, post.id, 'a post for the admin role');
    },
  },
  {
    id: 'feed.scheduled',
    group: 'feed',
    name: 'a post scheduled for tomorrow is hidden until then',
    async run(context) {
      const post = await context.createPost({ publishAt: at(DAY) });
      await expectHidden(context, post.id, 'a post scheduled for tomorrow');
    },
  },
  {
    id: 'feed.expired',
    group: 'feed',
    name: 'a post past its expiry time is hidden',
    async run(context) {
      const post = await context.createPost({ publishAt: at(-2 * DAY), expireAt: at(-DAY) });
      await expectHidden(context, post.id, 'a post that expired yesterday');
    },
  },
  {
    id: 'feed.draft',
    group: 'feed',
    name: 'a draft is hidden',
    async run(context) {
      const post = await context.createPost({ status: 'draft' });
      await expectHidden(context, post.id, 'a draft');
    },
  },
  {
    id: 'feed.archived',
    group: 'feed',
    name: 'an archived post leaves the feed',
    async run(context) {
      const post = await context.createPost();
      await expectVisible(context, post.id, 'a post before archiving');
      await step('archive the post as admin', () => context.admin.admin.archivePost(post.id));
      await expectHidden(context, post.id, 'an archived post');
    },
  },
];
