import { createHash } from 'node:crypto';
import type { BodyOf } from '@advocacy-kit/core/contract';
import { trackedDestination } from '@advocacy-kit/core/links';
import { sharePoints, shareReference } from '@advocacy-kit/core/rules';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { visibleTo } from '../content/visibility.js';
import type { AppEnv, Services } from '../context.js';
import type { Database } from '../db/schema.js';
import { toPost, toShare } from '../db/rows.js';
import { clientIp } from '../http/client-ip.js';
import { handle } from '../http/operation.js';
import { conflict, invalid, notFound } from '../http/problem.js';
import { newId, newTrackingCode, nowIso } from '../ids.js';
import { awardBadgesAfterShare } from '../gamification/badges.js';
import { sharedCommentary } from '../policy/compliance.js';
import { networkHash } from '../tracking/network.js';
import { assertMayShare } from '../pilots/membership.js';
import { storeShare } from './store.js';

type ShareBody = BodyOf<'createShare'>;

const requestHash = (body: ShareBody) =>
  createHash('sha256')
    .update(JSON.stringify([body.postId, body.network, body.commentary]))
    .digest('base64url');

export function shareRoutes(api: Hono<AppEnv>, s: Services): void {
  /**
   * In one read: the share this key was answered with before (the one it created, or the earlier
   * share of the same post and network kept for it in `share_repeats`), and the employee's share
   * of the post to the network.
   */
  const lookup = async (employeeId: string, key: string, body: ShareBody) => {
    const found = (kind: 'key' | 'repeat' | 'first') => sql<string>`${sql.lit(kind)}`.as('found');
    const noHash = sql<string | null>`cast(null as text)`.as('repeat_hash');
    const rows = await s.db
      .selectFrom('shares')
      .selectAll('shares')
      .select([noHash, found('key')])
      .where('employee_id', '=', employeeId)
      .where('idempotency_key', '=', key)
      .unionAll(
        s.db
          .selectFrom('share_repeats')
          .innerJoin('shares', 'shares.id', 'share_repeats.share_id')
          .selectAll('shares')
          .select(['share_repeats.request_hash as repeat_hash', found('repeat')])
          .where('share_repeats.employee_id', '=', employeeId)
          .where('share_repeats.idempotency_key', '=', key),
      )
      .unionAll(
        s.db
          .selectFrom('shares')
          .selectAll('shares')
          .select([noHash, found('first')])
          .where('employee_id', '=', employeeId)
          .where('post_id', '=', body.postId)
          .where('network', '=', body.network)
          .where('first_to_network', '=', 1),
      )
      .execute();
    // The share's own key first (a key is kept in share_repeats only when it created nothing).
    const answered = rows.find((row) => row.found === 'key') ?? rows.find((row) => row.found === 'repeat');
    return { answered, first: rows.find((row) => row.found === 'first') };
  };

  /**
   * The answer for a key used before (from `lookup`): a replay (200), or a conflict (409) when the
   * key came with another request.
   */
  const replayOf = (row: Database['shares'] & { repeat_hash: string | null; found: string }, hash: string) => {
    const repeat = row.found === 'repeat';
    if ((repeat ? row.repeat_hash : row.request_hash) !== hash)
      throw conflict('This Idempotency-Key was already used for a different share.');
    const share = toShare(row, s.config.publicUrl);
    // A repeat earned nothing, and its answer says so; the share's own key answers what it earned.
    return repeat ? { ...share, pointsAwarded: 0 } : share;
  };

  /**
   * The employee's earlier share of the post to the network, answered for a new key: the key is
   * kept with it (so it replays, and conflicts on another request) and nothing else changes.
   */
  const repeatOf = async (employeeId: string, shareId: string, body: ShareBody, key: string, hash: string, now: string) => {
    await s.db
      .insertInto('share_repeats')
      .values({ employee_id: employeeId, idempotency_key: key, request_hash: hash, share_id: shareId, created_at: now })
      .onConflict((oc) => oc.columns(['employee_id', 'idempotency_key']).doNothing())
      .execute();
    // A concurrent request with the same key may have kept it first, with another body.
    const { answered } = await lookup(employeeId, key, body);
    if (answered === undefined) throw new Error('Share repeat vanished after it was kept');
    return replayOf(answered, hash);
  };

  handle(api, s, 'createShare', async (c, { body, idempotencyKey, reply }) => {
    const me = c.get('employee');
    await s.limits.writes.take(me.id);
    const key = idempotencyKey!;
    const hash = requestHash(body);
    const { answered, first } = await lookup(me.id, key, body);
    if (answered !== undefined) return reply(replayOf(answered, hash), 200);

    const now = nowIso();
    const postRow = await s.db
      .selectFrom('posts')
      .selectAll('posts')
      .where('posts.id', '=', body.postId)
      .where(visibleTo(me, now))
      .executeTakeFirst();
    if (postRow === undefined) throw notFound('No such post, or it is not published for you.');
    const post = toPost(postRow, now);
    // Pilots: only members of the program share (403 not_a_member; see pilots/membership.ts).
    await assertMayShare(s.db, me);
    if (post.networks.length > 0 && !post.networks.includes(body.network)) {
      throw invalid(422, `This post cannot be shared to ${body.network}.`, [
        { field: 'network', message: `allowed: ${post.networks.join(', ')}`, code: 'network_not_allowed' },
      ]);
    }
    const id = newId('shr');
    const code = newTrackingCode();

    // policy: the current policy accepted (403 policy_required), no blocked term (422
    // blocked_terms), and the words stored with the disclosure and the post's hashtags, in the limit.
    const commentary = await sharedCommentary(s.db, me, post, body.network, body.commentary, `${s.config.publicUrl}/r/${code}`);

    // One share per employee, post and network: sharing again gets the same link back.
    if (first !== undefined) return reply(await repeatOf(me.id, first.id, body, key, hash, now), 200);

    const destination = trackedDestination({ url: post.url, network: body.network, postId: post.id, shareId: id, referralCode: code });
    const sharerNetwork = networkHash(s.clickSalt, clientIp(c, s.config.trustProxy));
    // The rules in effect at the share's time: the network's weight applies (copy and email earn less).
    const sharePointsNow = sharePoints(await s.pointRules.at(now), body.network);
    const row: Database['shares'] = {
      id,
      employee_id: me.id,
      post_id: post.id,
      network: body.network,
      commentary,
      idempotency_key: key,
      request_hash: hash,
      tracking_code: code,
      destination,
      points_awarded: 0,
      created_at: now,
      sharer_network: sharerNetwork,
      first_to_network: 1,
    };
    // Once per (employee, post, network), also for shares stored before there was one per network.
    const award = { employeeId: me.id, delta: sharePointsNow, reference: shareReference(me.id, post.id, body.network), at: now };
    const created = await storeShare(s.db, s.dialect, row, award, s.config.publicUrl);
    if (created === null) {
      // A concurrent request won the insert: a retry with the same key, or another share of the
      // same post and network. Answer with its share.
      const raced = await lookup(me.id, key, body);
      if (raced.answered !== undefined) return reply(replayOf(raced.answered, hash), 200);
      if (raced.first === undefined) throw new Error('Share vanished after a conflict');
      return reply(await repeatOf(me.id, raced.first.id, body, key, hash, now), 200);
    }
    s.links.remember(code, { code, shareId: id, employeeId: me.id, postId: post.id, destination, sharerNetwork });
    // After the commit, so concurrent shares see each other when counting toward a badge.
    await awardBadgesAfterShare(s.db, me.id, now, s.config.rules.badges);
    return reply(toShare(created, s.config.publicUrl), 201);
  });
}
