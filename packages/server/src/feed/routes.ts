import { handle } from '../http/operation.js';
import type { Hono } from 'hono';
import { visibleTo } from '../content/visibility.js';
import type { AppEnv, Services } from '../context.js';
import { toPost } from '../db/rows.js';
import { newestFirst, toPage } from '../http/cursor.js';
import { notFound } from '../http/problem.js';
import { nowIso } from '../ids.js';
import { matchingSearch } from '../search/query.js';
import { sharedNetworks } from '../selfservice/history.js';

export function feedRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'listFeed', async (c, { query, reply }) => {
    const now = nowIso();
    let select = s.db
      .selectFrom('posts')
      .selectAll('posts')
      .where(visibleTo(c.get('employee'), now));
    if (query.topic !== undefined) {
      const topic = query.topic;
      select = select.where((eb) =>
        eb.exists(
          eb
            .selectFrom('post_topics')
            .select('post_topics.post_id')
            .whereRef('post_topics.post_id', '=', 'posts.id')
            .where('post_topics.topic_id', '=', topic),
        ),
      );
    }
    if (query.locale !== undefined) select = select.where('posts.locale', '=', query.locale);
    if (query.kind !== undefined) select = select.where('posts.kind', '=', query.kind);
    const search = matchingSearch(s.dialect, query.q);
    if (search !== null) select = select.where(search);
    const rows = await newestFirst(select, query, 'posts.publish_at', 'posts.id');
    const page = toPage(
      rows,
      query.limit,
      (row) => toPost(row, now),
      (row) => ({ key: row.publish_at, id: row.id }),
    );
    // Which of the page's posts the employee already shared: one indexed query for the page.
    const shared = await sharedNetworks(
      s.db,
      c.get('employee').id,
      page.items.map((post) => post.id),
    );
    return reply({ ...page, items: page.items.map((post) => ({ ...post, sharedNetworks: shared.get(post.id) ?? [] })) });
  });

  handle(api, s, 'getPost', async (c, { params, reply }) => {
    const now = nowIso();
    const row = await s.db
      .selectFrom('posts')
      .selectAll('posts')
      .where('posts.id', '=', params.id)
      .where(visibleTo(c.get('employee'), now))
      .executeTakeFirst();
    if (row === undefined) throw notFound('No such post, or it is not published for you.');
    const shared = await sharedNetworks(s.db, c.get('employee').id, [row.id]);
    return reply({ ...toPost(row, now), sharedNetworks: shared.get(row.id) ?? [] });
  });
}
