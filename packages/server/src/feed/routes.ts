import type { Hono } from 'hono';
import { visibleTo } from '../content/visibility.js';
import type { AppEnv, Services } from '../context.js';
import { toPost } from '../db/rows.js';
import { decodeCursor, toPage } from '../http/cursor.js';
import { notFound } from '../http/problem.js';
import { nowIso } from '../ids.js';

interface FeedQuery {
  topic?: string;
  locale?: string;
  cursor?: string;
  limit: number;
}

export function feedRoutes(api: Hono<AppEnv>, s: Services): void {
  api.get('/feed', async (c) => {
    const query = s.validator.query<FeedQuery>('listFeed', c.req.query());
    const cursor = decodeCursor(query.cursor);
    const now = nowIso();
    let select = s.db.selectFrom('posts').selectAll('posts').where(visibleTo(c.get('employee'), now));
    if (query.topic !== undefined) {
      const topic = query.topic;
      select = select.where((eb) =>
        eb.exists(eb.selectFrom('post_topics').select('post_topics.post_id').whereRef('post_topics.post_id', '=', 'posts.id').where('post_topics.topic_id', '=', topic)),
      );
    }
    if (query.locale !== undefined) select = select.where('posts.locale', '=', query.locale);
    if (cursor !== null) {
      select = select.where((eb) =>
        eb.or([eb('posts.publish_at', '<', cursor.key), eb.and([eb('posts.publish_at', '=', cursor.key), eb('posts.id', '<', cursor.id)])]),
      );
    }
    const rows = await select.orderBy('posts.publish_at', 'desc').orderBy('posts.id', 'desc').limit(query.limit + 1).execute();
    return c.json(toPage(rows, query.limit, (row) => toPost(row, now), (row) => ({ key: row.publish_at, id: row.id })));
  });

  api.get('/posts/:id', async (c) => {
    s.validator.query('getPost', c.req.query());
    const now = nowIso();
    const row = await s.db
      .selectFrom('posts')
      .selectAll('posts')
      .where('posts.id', '=', c.req.param('id'))
      .where(visibleTo(c.get('employee'), now))
      .executeTakeFirst();
    if (row === undefined) throw notFound('No such post, or it is not published for you.');
    return c.json(toPost(row, now));
  });
}
