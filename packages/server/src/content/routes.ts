import type { AdminPost, Post, PostMetrics } from '@advocacy-kit/core';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { insertPost, updatePost } from './posts.js';
import { recordAudit } from '../audit/audit.js';
import type { AppEnv, Services } from '../context.js';
import type { Db } from '../db/database.js';
import { toPost } from '../db/rows.js';
import { handle } from '../http/operation.js';
import { newestFirst, toPage } from '../http/cursor.js';
import { notFound } from '../http/problem.js';
import { nowIso } from '../ids.js';

const NO_RESULTS: PostMetrics = { shares: 0, clicks: 0, conversions: 0, conversionValue: 0 };

/** Posts' results since they were created, from the all-time rows of the post rollup. */
async function postMetrics(db: Db, ids: string[]): Promise<Map<string, PostMetrics>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('rollup_post')
    .selectAll()
    .where('level', '=', 'a')
    .where('bucket', '=', '')
    .where('post_id', 'in', ids)
    .execute();
  return new Map(
    rows.map((row) => [
      row.post_id,
      {
        shares: Number(row.shares),
        clicks: Number(row.clicks),
        conversions: Number(row.conversions),
        conversionValue: Number(row.conversion_value),
      },
    ]),
  );
}

/** Updates a post and records the change (before and after) in the same transaction; null when there is no such post. */
async function auditedUpdate(
  trx: Db,
  adminId: string,
  action: string,
  id: string,
  patch: Parameters<typeof updatePost>[2],
): Promise<Post | null> {
  const now = nowIso();
  const base = await trx.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
  if (base === undefined) return null;
  const post = await updatePost(trx, id, patch, now);
  await recordAudit(trx, {
    actor: { kind: 'admin', id: adminId },
    action,
    target: { kind: 'post', id },
    before: toPost(base, now),
    after: post,
  });
  return post;
}

export function adminPostRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'adminListPosts', async (_c, { query, reply }) => {
    const now = nowIso();
    let select = s.db.selectFrom('posts').selectAll('posts');
    if (query.status === 'scheduled') select = select.where('posts.status', '=', 'published').where('posts.publish_at', '>', now);
    else if (query.status === 'published') select = select.where('posts.status', '=', 'published').where('posts.publish_at', '<=', now);
    else if (query.status !== undefined) select = select.where('posts.status', '=', query.status);
    if (query.kind !== undefined) select = select.where('posts.kind', '=', query.kind);
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
    if (query.q !== undefined) {
      const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      select = select.where((eb) =>
        eb.or(
          (['posts.title', 'posts.summary', 'posts.url'] as const).map(
            (column) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`,
          ),
        ),
      );
    }
    const rows = await newestFirst(select, query, 'posts.created_at', 'posts.id');
    const metrics = await postMetrics(
      s.db,
      rows.map((row) => row.id),
    );
    const toAdminPost = (row: (typeof rows)[number]): AdminPost => ({ ...toPost(row, now), metrics: metrics.get(row.id) ?? NO_RESULTS });
    return reply(toPage(rows, query.limit, toAdminPost, (row) => ({ key: row.created_at, id: row.id })));
  });

  handle(api, s, 'adminCreatePost', async (c, { body: input, reply }) => {
    await s.limits.writes.take(c.get('employee').id);
    const actor = { kind: 'admin' as const, id: c.get('employee').id };
    const post = await s.db.transaction().execute(async (trx) => {
      const created = await insertPost(trx, input, nowIso());
      await recordAudit(trx, { actor, action: 'post.create', target: { kind: 'post', id: created.id }, after: created });
      return created;
    });
    return reply(post);
  });

  handle(api, s, 'adminUpdatePost', async (c, { params, body: patch, reply }) => {
    await s.limits.writes.take(c.get('employee').id);
    const post = await s.db.transaction().execute((trx) => auditedUpdate(trx, c.get('employee').id, 'post.update', params.id, patch));
    if (post === null) throw notFound('No such post.');
    return reply(post);
  });

  handle(api, s, 'adminArchivePost', async (c, { params, reply }) => {
    await s.limits.writes.take(c.get('employee').id);
    const post = await s.db
      .transaction()
      .execute((trx) => auditedUpdate(trx, c.get('employee').id, 'post.archive', params.id, { archived: true }));
    if (post === null) throw notFound('No such post.');
    return reply(post);
  });
}
