import type { Post, PostInput } from '@advocacy-kit/core';
import { inputOf } from '@advocacy-kit/core/admin';
import type { Db } from '../db/database.js';
import { toPost } from '../db/rows.js';
import type { Database } from '../db/schema.js';
import { invalid } from '../http/problem.js';
import { newId } from '../ids.js';
import { indexPost } from '../search/query.js';

type PostRow = Database['posts'];

/** Stored columns for a new post (base null) or for `input` applied over an existing row. */
function columns(input: Partial<PostInput>, base: PostRow | null, now: string): PostRow {
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<PostInput>;
  const merged = { ...(base === null ? {} : inputOf(toPost(base, now))), ...defined };
  const publishAt = merged.publishAt == null ? now : new Date(merged.publishAt).toISOString();
  const expireAt = merged.expireAt == null ? null : new Date(merged.expireAt).toISOString();
  if (expireAt !== null && expireAt <= publishAt) {
    throw invalid(422, 'A post must expire after it is published.', [
      { field: 'expireAt', message: 'must be after publishAt', code: 'invalid_range' },
    ]);
  }
  const url = merged.url ?? '';
  const audience = merged.audience ?? { teams: [], roles: [] };
  return {
    id: base?.id ?? newId('pst'),
    kind: merged.kind ?? 'curated',
    status: defined.status ?? base?.status ?? 'published',
    title: merged.title ?? '',
    summary: merged.summary ?? '',
    url,
    image_url: merged.imageUrl ?? null,
    source: merged.source ?? new URL(url).hostname,
    locale: merged.locale ?? 'en',
    suggested_commentary: JSON.stringify(merged.suggestedCommentary ?? {}),
    hashtags: JSON.stringify(merged.hashtags ?? []),
    topics: JSON.stringify(merged.topics ?? []),
    audience_teams: JSON.stringify(audience.teams),
    audience_roles: JSON.stringify(audience.roles),
    networks: JSON.stringify(merged.networks ?? []),
    publish_at: publishAt,
    expire_at: expireAt,
    created_at: base?.created_at ?? now,
    updated_at: now,
  };
}

/** Rewrites the lookup rows (topics, audience, searchable text) that the feed filters on. */
async function writeLookups(db: Db, row: PostRow): Promise<void> {
  await db.deleteFrom('post_topics').where('post_id', '=', row.id).execute();
  await db.deleteFrom('post_audience').where('post_id', '=', row.id).execute();
  const topics: string[] = JSON.parse(row.topics);
  const teams: string[] = JSON.parse(row.audience_teams);
  const roles: string[] = JSON.parse(row.audience_roles);
  if (topics.length > 0)
    await db
      .insertInto('post_topics')
      .values([...new Set(topics)].map((topic_id) => ({ post_id: row.id, topic_id })))
      .execute();
  const audience = [...new Set(teams)]
    .map((value) => ({ post_id: row.id, kind: 'team', value }))
    .concat([...new Set(roles)].map((value) => ({ post_id: row.id, kind: 'role', value })));
  if (audience.length > 0) await db.insertInto('post_audience').values(audience).execute();
  await indexPost(db, row.id, { title: row.title, summary: row.summary, suggestedCommentary: JSON.parse(row.suggested_commentary) });
}

/** Creates a post; a future `publishAt` schedules it. Call inside a transaction. */
export async function insertPost(db: Db, input: PostInput, now: string, id?: string): Promise<Post> {
  const row = { ...columns(input, null, now), ...(id === undefined ? {} : { id }) };
  await db.insertInto('posts').values(row).execute();
  await writeLookups(db, row);
  return toPost(row, now);
}

/** Applies a partial update; null when the post does not exist. Call inside a transaction. */
export async function updatePost(
  db: Db,
  id: string,
  patch: Partial<PostInput> & { archived?: boolean },
  now: string,
): Promise<Post | null> {
  const base = await db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
  if (base === undefined) return null;
  const { archived, ...input } = patch;
  const row = columns(input, base, now);
  if (archived === true) row.status = 'archived';
  await db.updateTable('posts').set(row).where('id', '=', id).execute();
  await writeLookups(db, row);
  return toPost(row, now);
}
