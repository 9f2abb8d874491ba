import type { CuratedSource, CurationItem } from '@advocacy-kit/core';
import { isPublicAddress } from '../admin/address-guard.js';
import { fetchLinkPreview } from '../admin/link-preview.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';
import type { SourcesConfig } from './config.js';
import { fetchFeed } from './fetch.js';
import { feedItems } from './parse.js';

export type SourceRow = Database['curated_sources'];
export type ItemRow = Database['curation_items'];

const MINUTE = 60_000;
/** The longest wait after failures in a row. */
const MAX_BACKOFF_MS = 24 * 60 * MINUTE;

export function toSource(row: SourceRow): CuratedSource {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    locale: row.locale,
    topics: JSON.parse(row.topics) as string[],
    intervalMinutes: row.interval_minutes,
    paused: row.paused === 1,
    lastFetchedAt: row.last_fetched_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    failures: row.failures,
    nextFetchAt: row.next_fetch_at,
    createdAt: row.created_at,
  };
}

export function toItem(row: ItemRow & { source_title: string }): CurationItem {
  return {
    id: row.id,
    sourceId: row.source_id,
    sourceTitle: row.source_title,
    status: row.status as CurationItem['status'],
    url: row.url,
    title: row.title,
    summary: row.summary,
    imageUrl: row.image_url,
    siteName: row.site_name,
    publishedAt: row.published_at,
    foundAt: row.found_at,
    postId: row.post_id,
  };
}

/** When a source is next due: its interval after a success, doubling per failure in a row (at most a day). */
export function nextFetch(row: Pick<SourceRow, 'interval_minutes'>, failures: number, now: Date): string {
  const wait = Math.min(
    row.interval_minutes * MINUTE * 2 ** Math.min(failures, 16),
    Math.max(MAX_BACKOFF_MS, row.interval_minutes * MINUTE),
  );
  return new Date(now.getTime() + wait).toISOString();
}

/** What one fetch did: items queued, or why it failed. */
export interface FetchOutcome {
  added: number;
  notModified: boolean;
  error: string | null;
}

/**
 * Fetches one source (conditional GET), queues the items it has not seen (by guid/id, else
 * link) with their Open Graph preview, and records the outcome on the source: validators and
 * next time after a success, the error and a doubled wait after a failure.
 */
export async function fetchSource(db: Db, source: SourceRow, config: SourcesConfig, now = new Date()): Promise<FetchOutcome> {
  const isAllowedAddress = config.allowPrivateAddresses ? () => true : isPublicAddress;
  const at = now.toISOString();
  try {
    const response = await fetchFeed(
      source.url,
      { etag: source.etag, lastModified: source.last_modified },
      { timeoutMs: config.fetchTimeoutMs, maxBytes: config.maxBytes, isAllowedAddress },
    );
    let added = 0;
    if (response.status === 'ok') {
      let parsed: ReturnType<typeof feedItems>;
      try {
        parsed = feedItems(response.text, response.finalUrl);
      } catch {
        throw new Error('The answer is not an RSS, Atom or JSON feed.');
      }
      const known = new Set(
        parsed.items.length === 0
          ? []
          : (
              await db
                .selectFrom('curation_items')
                .select('item_key')
                .where('source_id', '=', source.id)
                .where(
                  'item_key',
                  'in',
                  parsed.items.map((item) => item.key),
                )
                .execute()
            ).map((row) => row.item_key),
      );
      let previews = config.previewsPerFetch;
      for (const item of parsed.items) {
        if (known.has(item.key)) continue;
        known.add(item.key);
        let preview: Awaited<ReturnType<typeof fetchLinkPreview>> | null = null;
        if (previews > 0) {
          previews--;
          preview = await fetchLinkPreview(item.url, { isAllowedAddress }).catch(() => null);
        }
        const inserted = await db
          .insertInto('curation_items')
          .values({
            id: newId('cur'),
            source_id: source.id,
            item_key: item.key,
            status: 'pending',
            url: item.url,
            title: item.title,
            summary: item.summary || (preview?.description ?? '').slice(0, 2000),
            image_url: item.imageUrl ?? httpOnly(preview?.imageUrl),
            site_name: preview?.siteName ?? null,
            published_at: item.publishedAt,
            found_at: at,
            post_id: null,
          })
          .onConflict((oc) => oc.columns(['source_id', 'item_key']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) added++;
      }
      await db
        .updateTable('curated_sources')
        .set({
          etag: response.etag,
          last_modified: response.lastModified,
          // The admin's name stays; a source added without one takes the feed's.
          ...(source.title === '' && parsed.title !== '' ? { title: parsed.title } : {}),
        })
        .where('id', '=', source.id)
        .execute();
    }
    await db
      .updateTable('curated_sources')
      .set({ last_fetched_at: at, last_success_at: at, last_error: null, failures: 0, next_fetch_at: nextFetch(source, 0, now) })
      .where('id', '=', source.id)
      .execute();
    return { added, notModified: response.status === 'not_modified', error: null };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const failures = source.failures + 1;
    await db
      .updateTable('curated_sources')
      .set({ last_fetched_at: at, last_error: message, failures, next_fetch_at: nextFetch(source, failures, now) })
      .where('id', '=', source.id)
      .execute();
    return { added: 0, notModified: false, error: message };
  }
}

function httpOnly(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}
