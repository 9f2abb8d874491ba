import type { Page, PageQuery, Post } from '@advocacy-kit/core/backend';
import { assert, assertEqual, step } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import { ledger, newRows } from './points.js';
import { shareFreshPost } from './share.js';

const PAGE_SIZE = 4;
/** More than two full pages, so a cursor is followed at least twice. */
const POST_COUNT = PAGE_SIZE * 2 + 3;

async function createPosts(context: CheckContext, label: string): Promise<Post[]> {
  const posts: Post[] = [];
  for (let i = 0; i < POST_COUNT; i++) posts.push(await context.createPost({ title: `${label} ${i + 1}` }));
  return posts;
}

/**
 * Pages through a list until every wanted id has been seen (or the list ends), then asserts that
 * no id came twice, none was skipped, and no page was larger than asked.
 */
async function pageThrough<T extends { id: string }>(
  what: string,
  wanted: Set<string>,
  fetchPage: (query: PageQuery) => Promise<Page<T>>,
  between?: (pageNumber: number) => Promise<void>,
): Promise<T[]> {
  const seen: T[] = [];
  const counts = new Map<string, number>();
  let cursor: string | null = null;
  let pageNumber = 0;
  do {
    pageNumber++;
    const page: Page<T> = await step(`${what}: fetch page ${pageNumber}`, () => fetchPage({ cursor, limit: PAGE_SIZE }));
    assert(
      page.items.length <= PAGE_SIZE,
      `${what}: page ${pageNumber} respects limit ${PAGE_SIZE}`,
      `at most ${PAGE_SIZE} items`,
      page.items.length,
    );
    assert(
      page.nextCursor === null || page.items.length > 0,
      `${what}: a page with a next cursor is not empty`,
      'items',
      'an empty page with a cursor',
    );
    for (const post of page.items) {
      seen.push(post);
      counts.set(post.id, (counts.get(post.id) ?? 0) + 1);
    }
    cursor = page.nextCursor;
    if ([...wanted].every((id) => counts.has(id))) break;
    if (between) await between(pageNumber);
  } while (cursor !== null && pageNumber < 50);
  const repeated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  assert(repeated.length === 0, `${what}: no item appears on two pages`, 'each item once', repeated);
  const missing = [...wanted].filter((id) => !counts.has(id));
  assert(missing.length === 0, `${what}: no item is skipped between pages`, `all ${wanted.size} items`, `missing ${missing.join(', ')}`);
  return seen;
}

export const paginationChecks: Check[] = [
  {
    id: 'pagination.feed',
    group: 'pagination',
    name: 'the feed pages newest first without gaps or duplicates',
    async run(context) {
      const posts = await createPosts(context, 'feed page');
      const seen = await pageThrough('the feed', new Set(posts.map((p) => p.id)), (query) => context.employee.listFeed(query));
      for (let i = 1; i < seen.length; i++) {
        const previous = seen[i - 1]!;
        const current = seen[i]!;
        assert(
          Date.parse(previous.publishAt) >= Date.parse(current.publishAt),
          'the feed is ordered newest first (publishAt descending)',
          `${previous.id} (${previous.publishAt}) before older posts`,
          `${current.id} published ${current.publishAt}`,
        );
      }
    },
  },
  {
    id: 'pagination.feed-insert',
    group: 'pagination',
    name: 'a post published while paging does not shift the pages',
    async run(context) {
      const posts = await createPosts(context, 'insert page');
      await pageThrough(
        'the feed with posts published between pages',
        new Set(posts.map((p) => p.id)),
        (query) => context.employee.listFeed(query),
        async (pageNumber) => {
          await context.createPost({ title: `inserted after page ${pageNumber}` });
        },
      );
    },
  },
  {
    id: 'pagination.my-shares-and-points',
    group: 'pagination',
    name: 'my shares and my points page without gaps or duplicates',
    async run(context) {
      const before = await ledger(context.employee);
      const shares = [];
      for (let i = 0; i < POST_COUNT; i++) shares.push((await shareFreshPost(context)).share);
      await pageThrough('my shares', new Set(shares.map((share) => share.id)), (query) => context.employee.listMyShares(query));
      const rows = newRows(before, await ledger(context.employee));
      assert(rows.length >= POST_COUNT, `the ledger gained a row per share`, `>= ${POST_COUNT} rows`, rows.length);
      await pageThrough('my points', new Set(rows.map((row) => row.id)), (query) => context.employee.listMyPoints(query));
    },
  },
  {
    id: 'pagination.admin-posts',
    group: 'pagination',
    name: "the admin's post search pages without gaps or duplicates",
    async run(context) {
      const label = context.unique('search');
      const posts = await createPosts(context, label);
      const seen = await pageThrough('admin posts matching the search', new Set(posts.map((p) => p.id)), (query) =>
        context.admin.admin.listPosts({ ...query, q: label }),
      );
      const strays = seen.filter((post) => !post.title.includes(label)).map((post) => post.id);
      assertEqual(strays, [], `admin search for "${label}" lists only matching posts`);
    },
  },
];
