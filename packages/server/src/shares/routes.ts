import { createHash } from 'node:crypto';
import type { BodyOf } from '@advocacy-kit/core/contract';
import { trackedDestination } from '@advocacy-kit/core/links';
import { sharePoints, shareReference } from '@advocacy-kit/core/rules';
import type { Hono } from 'hono';
import { visibleTo } from '../content/visibility.js';
import type { AppEnv, Services } from '../context.js';
import { toPost, toShare } from '../db/rows.js';
import { clientIp } from '../http/client-ip.js';
import { handle } from '../http/operation.js';
import { conflict, invalid, notFound } from '../http/problem.js';
import { newId, newTrackingCode, nowIso } from '../ids.js';
import { awardBadgesAfterShare } from '../gamification/badges.js';
import { award } from '../points/ledger.js';
import { sharedCommentary } from '../policy/compliance.js';
import { networkHash } from '../tracking/network.js';
import { assertMayShare } from '../pilots/membership.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';

type ShareBody = BodyOf<'createShare'>;

const requestHash = (body: ShareBody) =>
  createHash('sha256')
    .update(JSON.stringify([body.postId, body.network, body.commentary]))
    .digest('base64url');

export function shareRoutes(api: Hono<AppEnv>, s: Services): void {
  /**
   * The share answered for this key before — the one it created, or the earlier share of the same
   * post and network it was answered with (then with pointsAwarded 0) — as a replay (200), or a
   * conflict (409) when the key came with another request.
   */
  const replay = async (employeeId: string, key: string, hash: string) => {
    const created = await s.db
      .selectFrom('shares')
      .selectAll()
      .where('employee_id', '=', employeeId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    const row =
      created ??
      (await s.db
        .selectFrom('share_repeats')
        .innerJoin('shares', 'shares.id', 'share_repeats.share_id')
        .selectAll('shares')
        .select('share_repeats.request_hash as repeat_hash')
        .where('share_repeats.employee_id', '=', employeeId)
        .where('share_repeats.idempotency_key', '=', key)
        .executeTakeFirst());
    if (row === undefined) return null;
    const repeat = 'repeat_hash' in row;
    const requested = repeat ? row.repeat_hash : row.request_hash;
    if (requested !== hash) throw conflict('This Idempotency-Key was already used for a different share.');
    const share = toShare(row, s.config.publicUrl);
    // A repeat earned nothing, and its answer says so; the share's own key answers what it earned.
    return repeat ? { ...share, pointsAwarded: 0 } : share;
  };

  /**
   * The employee's share of the post to the network, if any, answered for a new key: the key is
   * kept with it (so it replays, and conflicts on another request) and nothing else changes.
   */
  const repeatOf = async (employeeId: string, body: ShareBody, key: string, hash: string, now: string) => {
    const row = await s.db
      .selectFrom('shares')
      .selectAll()
      .where('employee_id', '=', employeeId)
      .where('post_id', '=', body.postId)
      .where('network', '=', body.network)
      .where('first_to_network', '=', 1)
      .executeTakeFirst();
    if (row === undefined) return null;
    await s.db
      .insertInto('share_repeats')
      .values({ employee_id: employeeId, idempotency_key: key, request_hash: hash, share_id: row.id, created_at: now })
      .onConflict((oc) => oc.columns(['employee_id', 'idempotency_key']).doNothing())
      .execute();
    // A concurrent request with the same key may have kept it first, with another body.
    return replay(employeeId, key, hash);
  };

  handle(api, s, 'createShare', async (c, { body, idempotencyKey, reply }) => {
    const me = c.get('employee');
    await s.limits.writes.take(me.id);
    const key = idempotencyKey!;
    const hash = requestHash(body);
    const earlier = await replay(me.id, key, hash);
    if (earlier !== null) return reply(earlier, 200);

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
    const repeat = await repeatOf(me.id, body, key, hash, now);
    if (repeat !== null) return reply(repeat, 200);

    const destination = trackedDestination({ url: post.url, network: body.network, postId: post.id, shareId: id, referralCode: code });
    const sharerNetwork = networkHash(s.clickSalt, clientIp(c, s.config.trustProxy));
    // The rules in effect at the share's time: the network's weight applies (copy and email earn less).
    const sharePointsNow = sharePoints(await s.pointRules.at(now), body.network);
    const created = await s.db.transaction().execute(async (trx) => {
      // Any conflict ends here: the same key (a concurrent retry) or the same post and network.
      const inserted = await trx
        .insertInto('shares')
        .values({
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
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted === undefined) return null;
      // Once per (employee, post, network), also for shares stored before there was one per network.
      const points = await award(trx, {
        employeeId: me.id,
        delta: sharePointsNow,
        reason: 'share',
        reference: shareReference(me.id, post.id, body.network),
        at: now,
      });
      if (points > 0) await trx.updateTable('shares').set({ points_awarded: points }).where('id', '=', id).execute();
      const share = { ...inserted, points_awarded: points };
      await enqueueWebhookEvent(trx, 'share.created', toShare(share, s.config.publicUrl), now);
      return share;
    });
    if (created === null) {
      // A concurrent request won the insert: a retry with the same key, or another share of the
      // same post and network. Answer with its share.
      const raced = (await replay(me.id, key, hash)) ?? (await repeatOf(me.id, body, key, hash, now));
      if (raced === null) throw new Error('Share vanished after a conflict');
      return reply(raced, 200);
    }
    s.links.remember(code, { code, shareId: id, employeeId: me.id, postId: post.id, destination, sharerNetwork });
    // After the commit, so concurrent shares see each other when counting toward a badge.
    await awardBadgesAfterShare(s.db, me.id, now, s.config.rules.badges);
    return reply(toShare(created, s.config.publicUrl), 201);
  });
}
