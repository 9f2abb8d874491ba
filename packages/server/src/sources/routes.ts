import type { CurationPublish } from '@advocacy-kit/core';
import type { Hono } from 'hono';
import { isIP } from 'node:net';
import { isLoopbackName, isPublicAddress, normalHost } from '../admin/address-guard.js';
import { recordAudit, type AuditEntry } from '../audit/audit.js';
import { insertPost } from '../content/posts.js';
import type { AppEnv, Services } from '../context.js';
import type { Db } from '../db/database.js';
import { newestFirst, toPage } from '../http/cursor.js';
import { handle } from '../http/operation.js';
import { conflict, invalid, notFound } from '../http/problem.js';
import { newId, nowIso } from '../ids.js';
import { fetchSource, toItem, toSource, type SourceRow } from './sources.js';

type AuditChange = Omit<AuditEntry, 'actor'>;

/**
 * Admin API of curated sources: the sources (CRUD, fetch now) and the curation queue (list,
 * publish an item as a `curated` post, dismiss). Every write and its audit entry share one
 * transaction.
 */
export function sourceRoutes(api: Hono<AppEnv>, s: Services): void {
  const audited = <T>(adminId: string, change: (trx: Db) => Promise<{ result: T; entries: AuditChange[] }>) =>
    s.db.transaction().execute(async (trx) => {
      const { result, entries } = await change(trx);
      for (const entry of entries) await recordAudit(trx, { actor: { kind: 'admin', id: adminId }, ...entry });
      return result;
    });
  const source = async (db: Db, id: string) => {
    const row = await db.selectFrom('curated_sources').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('No curated source with this id.');
    return row;
  };
  /** An address the server would never fetch is refused at once; names are checked on every fetch. */
  const checkUrl = (url: string) => {
    if (s.config.sources.allowPrivateAddresses) return;
    const host = normalHost(new URL(url).hostname);
    if (isLoopbackName(host) || (isIP(host) !== 0 && !isPublicAddress(host))) {
      const message = 'is not on the public internet';
      throw invalid(422, `The feed address ${message}.`, [{ field: 'url', message, code: 'blocked_address' }]);
    }
  };
  const item = async (db: Db, id: string) => {
    const row = await db
      .selectFrom('curation_items')
      .innerJoin('curated_sources', 'curated_sources.id', 'curation_items.source_id')
      .selectAll('curation_items')
      .select([
        'curated_sources.title as source_title',
        'curated_sources.locale as source_locale',
        'curated_sources.topics as source_topics',
      ])
      .where('curation_items.id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw notFound('No curation item with this id.');
    if (row.status !== 'pending') throw conflict(`This item was already ${row.status}.`);
    return row;
  };

  handle(api, s, 'adminListSources', async (_c, { reply }) => {
    const rows = await s.db.selectFrom('curated_sources').selectAll().orderBy('created_at').orderBy('id').execute();
    return reply({ items: rows.map(toSource) });
  });

  handle(api, s, 'adminCreateSource', async (c, { body: input, reply }) => {
    await s.limits.writes.take(c.get('employee').id);
    checkUrl(input.url);
    const now = nowIso();
    const row: SourceRow = {
      id: newId('src'),
      url: input.url,
      title: input.title?.trim() ?? '',
      locale: input.locale ?? 'en',
      topics: JSON.stringify([...new Set(input.topics ?? [])]),
      interval_minutes: input.intervalMinutes ?? 60,
      paused: 0,
      etag: null,
      last_modified: null,
      last_fetched_at: null,
      last_success_at: null,
      last_error: null,
      failures: 0,
      next_fetch_at: now,
      created_at: now,
    };
    const exists = await s.db.selectFrom('curated_sources').select('id').where('url', '=', row.url).executeTakeFirst();
    if (exists !== undefined) throw conflict('A source with this URL exists.');
    await audited(c.get('employee').id, async (trx) => {
      await trx.insertInto('curated_sources').values(row).execute();
      return { result: null, entries: [{ action: 'source.create', target: { kind: 'source', id: row.id }, after: toSource(row) }] };
    });
    return reply(toSource(row));
  });

  handle(api, s, 'adminUpdateSource', async (c, { params, body: patch, reply }) => {
    await s.limits.writes.take(c.get('employee').id);
    const next = await audited(c.get('employee').id, async (trx) => {
      const current = await source(trx, params.id);
      const updated: SourceRow = {
        ...current,
        title: patch.title?.trim() ?? current.title,
        locale: patch.locale ?? current.locale,
        topics: patch.topics === undefined ? current.topics : JSON.stringify([...new Set(patch.topics)]),
        interval_minutes: patch.intervalMinutes ?? current.interval_minutes,
        paused: patch.paused === undefined ? current.paused : patch.paused ? 1 : 0,
      };
      await trx.updateTable('curated_sources').set(updated).where('id', '=', current.id).execute();
      const entry = {
        action: 'source.update',
        target: { kind: 'source', id: current.id },
        before: toSource(current),
        after: toSource(updated),
      };
      return { result: updated, entries: [entry] };
    });
    return reply(toSource(next));
  });

  handle(api, s, 'adminDeleteSource', async (c, { params }) => {
    await s.limits.writes.take(c.get('employee').id);
    await audited(c.get('employee').id, async (trx) => {
      const current = await source(trx, params.id);
      await trx.deleteFrom('curation_items').where('source_id', '=', current.id).where('status', '=', 'pending').execute();
      await trx.deleteFrom('curated_sources').where('id', '=', current.id).execute();
      return {
        result: null,
        entries: [{ action: 'source.delete', target: { kind: 'source', id: current.id }, before: toSource(current) }],
      };
    });
    return c.body(null, 204);
  });

  handle(api, s, 'adminFetchSource', async (c, { params, reply }) => {
    await s.limits.writes.take(c.get('employee').id);
    await fetchSource(s.db, await source(s.db, params.id), s.config.sources);
    return reply(toSource(await source(s.db, params.id)));
  });

  handle(api, s, 'adminListCuration', async (_c, { query, reply }) => {
    let select = s.db
      .selectFrom('curation_items')
      .innerJoin('curated_sources', 'curated_sources.id', 'curation_items.source_id')
      .selectAll('curation_items')
      .select('curated_sources.title as source_title')
      .where('curation_items.status', '=', query.status ?? 'pending');
    if (query.source !== undefined) select = select.where('curation_items.source_id', '=', query.source);
    const rows = await newestFirst(select, query, 'curation_items.found_at', 'curation_items.id');
    return reply(toPage(rows, query.limit, toItem, (row) => ({ key: row.found_at, id: row.id })));
  });

  handle(api, s, 'adminPublishCurationItem', async (c, { params, body, reply }) => {
    await s.limits.writes.take(c.get('employee').id);
    const overrides: CurationPublish = body ?? {};
    const post = await audited(c.get('employee').id, async (trx) => {
      const row = await item(trx, params.id);
      const now = nowIso();
      const created = await insertPost(
        trx,
        {
          kind: 'curated',
          title: row.title,
          summary: row.summary,
          url: row.url,
          imageUrl: row.image_url,
          source: row.site_name ?? new URL(row.url).hostname,
          locale: row.source_locale,
          topics: JSON.parse(row.source_topics) as string[],
          ...overrides,
        },
        now,
      );
      const before = toItem(row);
      await trx.updateTable('curation_items').set({ status: 'published', post_id: created.id }).where('id', '=', row.id).execute();
      const after = { ...before, status: 'published' as const, postId: created.id };
      return {
        result: created,
        entries: [
          { action: 'curation_item.publish', target: { kind: 'curation_item', id: row.id }, before, after },
          { action: 'post.create', target: { kind: 'post', id: created.id }, after: created },
        ],
      };
    });
    return reply(post);
  });

  handle(api, s, 'adminDismissCurationItem', async (c, { params, reply }) => {
    await s.limits.writes.take(c.get('employee').id);
    const dismissed = await audited(c.get('employee').id, async (trx) => {
      const row = await item(trx, params.id);
      await trx.updateTable('curation_items').set({ status: 'dismissed' }).where('id', '=', row.id).execute();
      const before = toItem(row);
      const after = { ...before, status: 'dismissed' as const };
      return {
        result: after,
        entries: [{ action: 'curation_item.dismiss', target: { kind: 'curation_item', id: row.id }, before, after }],
      };
    });
    return reply(dismissed);
  });
}
