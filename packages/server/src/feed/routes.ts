import type { NetworkId } from '@advocacy-kit/core';
import { sql } from 'kysely';
import { handle } from '../http/operation.js';
import type { Hono } from 'hono';
import { visibleTo } from '../content/visibility.js';
import type { AppEnv, Services } from '../context.js';
import type { Dialect } from '../db/database.js';
import { toPost } from '../db/rows.js';
import { newestFirst, toPage } from '../http/cursor.js';
import { notFound } from '../http/problem.js';
import { nowIso } from '../ids.js';
import { matchingSearch } from '../search/query.js';
import { sharedNetworks } from '../selfservice/history.js';

/**
 * The networks `employeeId` shared a post to, comma-separated in network order (null for none),
 * for the posts of a page: evaluated for the page's rows only (after the limit), each an indexed
 * read of shares (employee_id, post_id, network), in the page's own query.
 */
const sharedBy = (dialect: Dialect, employeeId: string) =>
  dialect === 'postgres'
    ? sql<
        string | null
      >`(select string_agg(distinct sh.network, ',' order by sh.network) from shares sh where sh.employee_id = ${employeeId} and sh.post_id = posts.id)`
    : sql<
        string | null
      >`(select group_concat(distinct sh.network order by sh.network) from shares sh where sh.employee_id = ${employeeId} and sh.post_id = posts.id)`;

const networksOf = (list: string | null): NetworkId[] => (list === null || list === '' ? [] : (list.split(',') as NetworkId[]));

export function feedRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'listFeed', async (c, { query, reply }) => {
    const now = nowIso();
    const me = c.get('employee');
    let select = s.db
      .selectFrom('posts')
      .selectAll('posts')
      .select(sharedBy(s.dialect, me.id).as('shared_networks'))
      .where(visibleTo(me, now));
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
      (row) => ({ ...toPost(row, now), sharedNetworks: networksOf(row.shared_networks) }),
      (row) => ({ key: row.publish_at, id: row.id }),
    );
    return reply(page);
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
