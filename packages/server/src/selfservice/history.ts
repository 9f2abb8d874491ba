import type { LocalizedText, MyPointsEntry, MyShare, NetworkId } from '@advocacy-kit/core';
import { referencedPost } from '@advocacy-kit/core/rules';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { toPointsEntry, toShare } from '../db/rows.js';

/**
 * An employee's own history, for GET /me/shares and GET /me/points. Every lookup is scoped to the
 * employee: a reference or id that is not theirs finds nothing. A page costs a fixed number of
 * queries, never one per row.
 */

type ShareRow = Database['shares'] & { post_title: string | null };

/** My shares with their post's title, unique human clicks, conversions and the points they earned. */
export async function withResults(db: Db, employeeId: string, rows: ShareRow[], publicUrl: string): Promise<MyShare[]> {
  const ids = rows.map((row) => row.id);
  const clicks = new Map<string, number>();
  const conversions = new Map<string, { count: number; points: number }>();
  if (ids.length > 0) {
    // Each clicks row is a unique visitor of one link on one day, found by the share's tracking code (primary key prefix).
    for (const row of await db
      .selectFrom('clicks')
      .select(['share_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('code', 'in', (eb) => eb.selectFrom('shares').select('tracking_code').where('id', 'in', ids))
      .groupBy('share_id')
      .execute()) {
      clicks.set(row.share_id, Number(row.n));
    }
    // Conversions by share (conversions_share index) and the points each one awarded.
    for (const row of await db
      .selectFrom('conversions')
      .leftJoin('points_ledger', (join) =>
        join
          .onRef('points_ledger.reference', '=', 'conversions.id')
          .on('points_ledger.reason', '=', 'conversion')
          .on('points_ledger.employee_id', '=', employeeId),
      )
      .select([
        'conversions.share_id',
        (eb) => eb.fn.countAll<string | number>().as('n'),
        (eb) => eb.fn.sum<string | number | null>('points_ledger.delta').as('points'),
      ])
      .where('conversions.share_id', 'in', ids)
      .where('conversions.employee_id', '=', employeeId)
      .groupBy('conversions.share_id')
      .execute()) {
      conversions.set(row.share_id, { count: Number(row.n), points: Number(row.points ?? 0) });
    }
  }
  return rows.map((row) => {
    const converted = conversions.get(row.id);
    return {
      ...toShare(row, publicUrl),
      postTitle: row.post_title ?? '',
      clicks: clicks.get(row.id) ?? 0,
      conversions: converted?.count ?? 0,
      points: Number(row.points_awarded) + (converted?.points ?? 0),
    };
  });
}

/** My ledger rows with the post (and network) or reward each one is about. */
export async function described(db: Db, employeeId: string, rows: Database['points_ledger'][]): Promise<MyPointsEntry[]> {
  const byReason = (reasons: string[]) => rows.filter((row) => reasons.includes(row.reason)).map((row) => row.reference);
  const conversionIds = byReason(['conversion']);
  const suggestionIds = byReason(['suggestion']);
  const requestIds = byReason(['reward_hold', 'reward_release']);

  const conversions = new Map<string, { postId: string; network: NetworkId | null }>();
  if (conversionIds.length > 0) {
    for (const row of await db
      .selectFrom('conversions')
      .leftJoin('shares', 'shares.id', 'conversions.share_id')
      .select(['conversions.id', 'conversions.post_id', 'shares.network'])
      .where('conversions.id', 'in', conversionIds)
      .where('conversions.employee_id', '=', employeeId)
      .execute()) {
      conversions.set(row.id, { postId: row.post_id, network: (row.network as NetworkId | null) ?? null });
    }
  }
  const suggestions = new Map<string, string | null>();
  if (suggestionIds.length > 0) {
    for (const row of await db
      .selectFrom('suggestions')
      .select(['id', 'post_id'])
      .where('id', 'in', suggestionIds)
      .where('employee_id', '=', employeeId)
      .execute()) {
      suggestions.set(row.id, row.post_id);
    }
  }
  const rewards = new Map<string, LocalizedText>();
  if (requestIds.length > 0) {
    for (const row of await db
      .selectFrom('reward_requests')
      .select(['id', 'reward_name'])
      .where('id', 'in', requestIds)
      .where('employee_id', '=', employeeId)
      .execute()) {
      rewards.set(row.id, JSON.parse(row.reward_name) as LocalizedText);
    }
  }

  const subjects = rows.map((row) => {
    const post = referencedPost(row.reason, row.reference, employeeId);
    if (post !== null) return post;
    if (row.reason === 'conversion') return conversions.get(row.reference) ?? null;
    const suggested = row.reason === 'suggestion' ? suggestions.get(row.reference) : undefined;
    return suggested ? { postId: suggested, network: null } : null;
  });
  const postIds = [...new Set(subjects.flatMap((subject) => (subject === null ? [] : [subject.postId])))];
  const titles = new Map<string, string>();
  if (postIds.length > 0) {
    for (const row of await db.selectFrom('posts').select(['id', 'title']).where('id', 'in', postIds).execute())
      titles.set(row.id, row.title);
  }
  return rows.map((row, index) => {
    const subject = subjects[index] ?? null;
    return {
      ...toPointsEntry(row),
      postId: subject?.postId ?? null,
      postTitle: subject === null ? null : (titles.get(subject.postId) ?? null),
      network: subject?.network ?? null,
      rewardName: rewards.get(row.reference) ?? null,
    };
  });
}

/** For each of `postIds`, the networks the employee shared it to: one indexed query for a page. */
export async function sharedNetworks(db: Db, employeeId: string, postIds: string[]): Promise<Map<string, NetworkId[]>> {
  const shared = new Map<string, NetworkId[]>();
  if (postIds.length === 0) return shared;
  const rows = await db
    .selectFrom('shares')
    .select(['post_id', 'network'])
    .distinct()
    .where('employee_id', '=', employeeId)
    .where('post_id', 'in', postIds)
    .orderBy('post_id')
    .orderBy('network')
    .execute();
  for (const row of rows) shared.set(row.post_id, [...(shared.get(row.post_id) ?? []), row.network as NetworkId]);
  return shared;
}
