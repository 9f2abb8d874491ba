import { createHash } from 'node:crypto';
import type { ConversionInput } from '@advocacy-kit/core';
import { conversionReference } from '@advocacy-kit/core/rules';
import type { Hono } from 'hono';
import type { AppEnv, Services } from '../context.js';
import { attribute } from '../crm/attribution.js';
import { toConversion } from '../db/rows.js';
import { handle } from '../http/operation.js';
import { conflict, invalid } from '../http/problem.js';
import { newId, nowIso } from '../ids.js';
import { awardBadges } from '../gamification/badges.js';
import { award } from '../points/ledger.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';

const requestHash = (input: ConversionInput) =>
  createHash('sha256')
    .update(JSON.stringify([input.code, input.type, input.value ?? 0, input.currency ?? null]))
    .digest('base64url');

/**
 * `POST /conversions`: a lead, signup, download or deal attributed to a referral code. Callers
 * are the company's systems, each with its own `X-Api-Key` (an employee's token is refused
 * before this runs), rate-limited per system. The reporting system's `externalId` is its
 * idempotency key: the same id from the same source is stored and awarded once; another source
 * can't claim it.
 */
export function conversionRoutes(api: Hono<AppEnv>, s: Services): void {
  handle(api, s, 'recordConversion', async (c, { body: input, reply }) => {
    const source = c.get('apiSource');
    await s.limits.conversions.take(`source:${source}`);
    const maxValue = s.config.rules.conversions.maxValue;
    if (input.value !== undefined && input.value > maxValue) {
      throw invalid(422, `A conversion is worth at most ${maxValue}.`, [
        { field: 'value', message: `must be at most ${maxValue}`, code: 'too_long' },
      ]);
    }
    const hash = requestHash(input);
    const share = await s.db
      .selectFrom('shares')
      .select(['id', 'post_id', 'employee_id'])
      .where('tracking_code', '=', input.code)
      .executeTakeFirst();
    if (share === undefined) {
      throw invalid(422, 'No tracking link has this referral code.', [
        { field: 'code', message: 'unknown referral code', code: 'unknown_code' },
      ]);
    }
    const now = nowIso();
    // The rules in effect now, read before the transaction (the cache may read the database).
    const { points } = await s.pointRules.at(now);
    const created = await s.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('conversions')
        .values({
          id: newId('cnv'),
          code: input.code,
          share_id: share.id,
          post_id: share.post_id,
          employee_id: share.employee_id,
          type: input.type,
          value: input.value ?? 0,
          currency: input.currency ?? null,
          external_id: input.externalId,
          source,
          request_hash: hash,
          created_at: now,
        })
        .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted !== undefined) {
        await award(trx, {
          employeeId: share.employee_id,
          delta: points.conversion,
          reason: 'conversion',
          reference: conversionReference(inserted.id),
          at: now,
        });
        const [attributed] = await attribute(trx, [inserted]);
        await enqueueWebhookEvent(trx, 'conversion.recorded', attributed ?? toConversion(inserted), now);
      }
      return inserted;
    });
    if (created !== undefined) {
      await awardBadges(s.db, created.employee_id, s.config.rules.badges);
      return reply(toConversion(created), 201);
    }
    const earlier = await s.db
      .selectFrom('conversions')
      .selectAll()
      .where('source', '=', source)
      .where('external_id', '=', input.externalId)
      .executeTakeFirstOrThrow();
    if (earlier.request_hash !== hash) throw conflict('This source already recorded this externalId with different details.');
    return reply(toConversion(earlier), 200);
  });
}
