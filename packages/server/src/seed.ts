import { createHmac } from 'node:crypto';
import type { DemoSeed, SeedShare } from '@advocacy-kit/core/memory';
import { trackedDestination } from '@advocacy-kit/core/links';
import {
  clickEarnsPoints,
  clickReference,
  conversionReference,
  DEFAULT_CONVERSION_SOURCE,
  sharePoints,
  shareReference,
  suggestionReference,
  type PointsRules,
  type Rules,
} from '@advocacy-kit/core/rules';
import { rollUpClicks, type InsertedClick } from './analytics/rollups.js';
import { insertPost } from './content/posts.js';
import type { Db } from './db/database.js';
import { newTrackingCode } from './ids.js';
import { award } from './points/ledger.js';
import { DAY_MS } from './points/periods.js';
import { seedEngagement } from './gamification/seed.js';
import { loadCompliance } from './policy/seed.js';
import { seedPilots } from './pilots/seed.js';
import { seedRewards } from './rewards/seed.js';

export interface SeedResult {
  employees: number;
  posts: number;
  shares: number;
  clicks: number;
  conversions: number;
}

/**
 * Loads a demo company as it stands at `now` (pass the `now` the seed was made for). Every row is
 * keyed by the seed's own ids (and the ledger by its references), so loading the same seed twice
 * adds nothing. The share history goes through the same schedule and rules as core's memory
 * backend (`MemoryDb.load`): shares oldest first, clicks at the same instants (none after `now`),
 * conversions a day apart (never after `now`), so both show the same stats and leaderboards.
 */
export async function loadSeed(db: Db, seed: DemoSeed, rules: Rules, now: Date = new Date()): Promise<SeedResult> {
  const { points } = rules;
  return db.transaction().execute(async (trx) => {
    // Topics and teams keep the seed's order (their position).
    for (const [position, team] of seed.teams.entries()) {
      await trx
        .insertInto('teams')
        .values({ id: team.id, name: team.name, names: JSON.stringify(team.names ?? { en: team.name }), position })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    for (const e of seed.employees) {
      await trx
        .insertInto('employees')
        .values({
          id: e.id,
          display_name: e.displayName,
          team_id: e.team,
          role: e.role,
          locale: e.locale,
          time_zone: e.timeZone,
          avatar_url: e.avatarUrl,
          policy_accepted_at: e.policyAcceptedAt,
          policy_version_accepted: e.policyVersionAccepted,
          created_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    await loadCompliance(trx, seed);
    for (const [position, topic] of seed.topics.entries()) {
      await trx
        .insertInto('topics')
        .values({ id: topic.id, names: JSON.stringify(topic.names), position })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    let posts = 0;
    for (const post of seed.posts) {
      const exists = await trx.selectFrom('posts').select('id').where('id', '=', post.id).executeTakeFirst();
      if (exists !== undefined) continue;
      const { id, createdAt, status, ...input } = post;
      await insertPost(trx, { ...input, status: status === 'draft' ? 'draft' : 'published' }, createdAt, id);
      if (status === 'archived') await trx.updateTable('posts').set({ status: 'archived' }).where('id', '=', id).execute();
      posts++;
    }
    const postUrl = new Map(seed.posts.map((post) => [post.id, post.url]));
    let shares = 0;
    let clicks = 0;
    let conversions = 0;
    const oldestFirst = [...seed.shares].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    const clickAwards: ClickAwards = new Map();
    for (const share of oldestFirst) {
      const url = postUrl.get(share.postId);
      if (url === undefined) throw new Error(`Seed share ${share.id} names unknown post ${share.postId}`);
      const code = await seedShare(trx, share, url, rules);
      if (code === null) continue;
      shares++;
      clicks += await seedClicks(trx, share, code, points, now, clickAwards);
      conversions += await seedConversions(trx, share, code, points, now);
    }
    for (const suggestion of seed.suggestions) {
      await trx
        .insertInto('suggestions')
        .values({
          id: suggestion.id,
          employee_id: suggestion.employeeId,
          url: suggestion.url,
          note: suggestion.note,
          topics: JSON.stringify(suggestion.topics),
          status: suggestion.status,
          review_reason: suggestion.reviewReason,
          post_id: suggestion.postId,
          idempotency_key: null,
          created_at: suggestion.createdAt,
          reviewed_at: suggestion.reviewedAt,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      if (suggestion.status === 'approved') {
        await award(trx, {
          employeeId: suggestion.employeeId,
          delta: points.suggestion,
          reason: 'suggestion',
          reference: suggestionReference(suggestion.id),
          at: suggestion.reviewedAt ?? suggestion.createdAt,
        });
      }
    }
    await seedEngagement(trx, seed, rules.badges);
    await seedPilots(trx, seed);
    await seedRewards(trx, seed);
    return { employees: seed.employees.length, posts, shares, clicks, conversions };
  });
}

/** Inserts the share with a fresh tracking code; null when it was seeded before. */
async function seedShare(db: Db, share: SeedShare, url: string, rules: Rules): Promise<string | null> {
  const code = newTrackingCode();
  // A seed may hold repeats of a post to a network, as history from before one share per network.
  const first = await db
    .selectFrom('shares')
    .select('id')
    .where('employee_id', '=', share.employeeId)
    .where('post_id', '=', share.postId)
    .where('network', '=', share.network)
    .where('first_to_network', '=', 1)
    .executeTakeFirst();
  const inserted = await db
    .insertInto('shares')
    .values({
      id: share.id,
      employee_id: share.employeeId,
      post_id: share.postId,
      network: share.network,
      commentary: share.commentary,
      idempotency_key: `seed:${share.id}`,
      request_hash: 'seed',
      tracking_code: code,
      destination: trackedDestination({ url, network: share.network, postId: share.postId, shareId: share.id, referralCode: code }),
      points_awarded: 0,
      created_at: share.createdAt,
      first_to_network: first === undefined ? 1 : null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted === undefined) return null;
  const awarded = await award(db, {
    employeeId: share.employeeId,
    delta: sharePoints(rules, share.network),
    reason: 'share',
    reference: shareReference(share.employeeId, share.postId, share.network),
    at: share.createdAt,
  });
  if (awarded > 0) await db.updateTable('shares').set({ points_awarded: awarded }).where('id', '=', share.id).execute();
  return code;
}

/**
 * The instant of a seeded share's click `i` of `n`: the first half nine minutes apart after the
 * share, the rest over the next four days. The same schedule as core's memory backend.
 */
const clickTime = (start: number, i: number, n: number): number =>
  start + (i < n / 2 ? (i + 1) * 9 * 60_000 : (1 + (i % 4)) * DAY_MS + i * 60_000);

/** `employee\npost\nday` → click awards so far, across the employee's shares of the post. */
type ClickAwards = Map<string, number>;

/**
 * Records the share's unique clicks that have happened by `now`, each a visitor of its own, with
 * points capped per employee, post and day; returns how many.
 */
async function seedClicks(db: Db, share: SeedShare, code: string, points: PointsRules, now: Date, perDay: ClickAwards): Promise<number> {
  const start = Date.parse(share.createdAt);
  const inserted: InsertedClick[] = [];
  for (let i = 0; i < share.uniqueClicks; i++) {
    const ms = clickTime(start, i, share.uniqueClicks);
    if (ms > now.getTime()) continue;
    const at = new Date(ms).toISOString();
    const day = at.slice(0, 10);
    await db
      .insertInto('clicks')
      .values({
        code,
        day,
        visitor_hash: createHmac('sha256', 'seed').update(`${share.id}:${i}`).digest('base64url'),
        share_id: share.id,
        created_at: at,
      })
      .execute();
    inserted.push({ share_id: share.id, created_at: at });
    const capKey = `${share.employeeId}\n${share.postId}\n${day}`;
    const awarded = perDay.get(capKey) ?? 0;
    if (clickEarnsPoints(points, awarded)) {
      perDay.set(capKey, awarded + 1);
      await award(db, {
        employeeId: share.employeeId,
        delta: points.click,
        reason: 'click',
        reference: clickReference(share.employeeId, share.postId, day, awarded + 1),
        at,
      });
    }
  }
  // Clicks are counted into the analytics rollups by their writer, like the click flush does.
  await rollUpClicks(db, inserted);
  return inserted.length;
}

/** Records the share's conversions a day apart after it, none later than `now`. */
async function seedConversions(db: Db, share: SeedShare, code: string, points: PointsRules, now: Date): Promise<number> {
  let index = 0;
  for (const conversion of share.conversions) {
    const at = new Date(Math.min(now.getTime(), Date.parse(share.createdAt) + ++index * DAY_MS)).toISOString();
    const id = `cnv_seed_${conversion.externalId}`;
    const inserted = await db
      .insertInto('conversions')
      .values({
        id,
        code,
        share_id: share.id,
        post_id: share.postId,
        employee_id: share.employeeId,
        type: conversion.type,
        value: conversion.value,
        currency: conversion.currency ?? null,
        external_id: conversion.externalId,
        source: DEFAULT_CONVERSION_SOURCE,
        request_hash: 'seed',
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted !== undefined)
      await award(db, {
        employeeId: share.employeeId,
        delta: points.conversion,
        reason: 'conversion',
        reference: conversionReference(id),
        at,
      });
  }
  return share.conversions.length;
}
