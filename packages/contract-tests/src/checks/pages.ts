import type { AdvocacyBackend, FeedQuery, Page, PageQuery, Post } from '@advocacy-kit/core/backend';
import { step } from '../assert.js';

/** How far the suite pages through a list looking for its own data before giving up. */
const MAX_PAGES = 20;

/** Every item of a cursor-paginated list, up to MAX_PAGES pages of 100. */
export async function collectPages<T>(description: string, fetchPage: (query: PageQuery) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result: Page<T> = await step(`${description} (page ${page + 1})`, () => fetchPage({ cursor, limit: 100 }));
    items.push(...result.items);
    cursor = result.nextCursor;
    if (cursor === null) break;
  }
  return items;
}

/** Looks for a post in the employee's feed; the run's posts are the newest, so this is short. */
export async function findInFeed(backend: AdvocacyBackend, postId: string, query: FeedQuery = {}): Promise<Post | undefined> {
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result: Page<Post> = await step(`list the feed ${JSON.stringify(query)} (page ${page + 1})`, () =>
      backend.listFeed({ ...query, cursor, limit: 100 }),
    );
    const found = result.items.find((post) => post.id === postId);
    if (found) return found;
    cursor = result.nextCursor;
    if (cursor === null) return undefined;
  }
  return undefined;
}
