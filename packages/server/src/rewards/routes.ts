import type { Employee, FieldError, RewardInput, RewardPatch } from '@advocacy-kit/core';
import type { Hono } from 'hono';
import type { Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.js';
import type { AppEnv, Services } from '../context.js';
import { toPointsEntry } from '../db/rows.js';
import type { Database } from '../db/schema.js';
import { newestFirst, toPage } from '../http/cursor.js';
import { handle } from '../http/operation.js';
import { conflict, invalid, notFound } from '../http/problem.js';
import { newId, nowIso } from '../ids.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';
import { lockSpender, pointsBalance } from './balance.js';
import { toAdminRewardRequest, toReward, toRewardRequest } from './rows.js';

/** Timestamps are stored as UTC ISO strings, so they compare as text. */
const utc = (value: string | null | undefined) => (value === null || value === undefined ? null : new Date(value).toISOString());

/** The reward fields of an input or patch, as columns (only those given). */
function columns(input: RewardPatch): Partial<Database['rewards']> {
  const out: Partial<Database['rewards']> = {};
  if (input.name !== undefined) out.name = JSON.stringify(input.name);
  if (input.description !== undefined) out.description = JSON.stringify(input.description);
  if (input.imageUrl !== undefined) out.image_url = input.imageUrl;
  if (input.cost !== undefined) out.cost = input.cost;
  if (input.stock !== undefined) out.stock = input.stock;
  if (input.startsAt !== undefined) out.starts_at = utc(input.startsAt);
  if (input.endsAt !== undefined) out.ends_at = utc(input.endsAt);
  if (input.team !== undefined) out.team_id = input.team;
  if (input.active !== undefined) out.active = input.active ? 1 : 0;
  return out;
}

/** Checks what the schema cannot: the team exists, the dates are in order. */
async function checkReward(
  trx: Transaction<Database>,
  reward: Pick<Database['rewards'], 'team_id' | 'starts_at' | 'ends_at'>,
): Promise<void> {
  const errors: FieldError[] = [];
  if (reward.team_id !== null) {
    const team = await trx.selectFrom('teams').select('id').where('id', '=', reward.team_id).executeTakeFirst();
    if (team === undefined) errors.push({ field: 'team', message: `unknown team "${reward.team_id}"`, code: 'unknown_team' });
  }
  if (reward.starts_at !== null && reward.ends_at !== null && reward.ends_at <= reward.starts_at) {
    errors.push({ field: 'endsAt', message: 'must be after startsAt', code: 'before_start' });
  }
  if (errors.length > 0) throw invalid(422, 'The reward is not valid.', errors);
}

/** Whether `me` may request the reward now: active, in its dates, for their team or everyone. */
const requestable = (me: Employee, now: string) => (row: Database['rewards']) =>
  Number(row.active) === 1 &&
  (row.starts_at === null || row.starts_at <= now) &&
  (row.ends_at === null || row.ends_at > now) &&
  (row.team_id === null || row.team_id === me.team);

export function rewardRoutes(api: Hono<AppEnv>, s: Services): void {
  /* ---------------------------------------------------------- employees */

  handle(api, s, 'listRewards', async (c, { reply }) => {
    const me = c.get('employee');
    const now = nowIso();
    const rows = await s.db
      .selectFrom('rewards')
      .selectAll()
      .where('active', '=', 1)
      .where((eb) => eb.or([eb('starts_at', 'is', null), eb('starts_at', '<=', now)]))
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]))
      .where((eb) => eb.or([eb('team_id', 'is', null), eb('team_id', '=', me.team)]))
      .orderBy('cost')
      .orderBy('id')
      .execute();
    return reply({ items: rows.map(toReward) });
  });

  handle(api, s, 'getMyPointsBalance', async (c, { reply }) => reply(await pointsBalance(s.db, c.get('employee').id)));

  /**
   * Holds the cost and one of the stock in one transaction: the employee's row is locked first
   * (lockSpender), so their balance cannot be read twice; the stock is taken by a conditional
   * update (`stock > 0`), which PostgreSQL re-checks after waiting on the reward's row, so the
   * last item goes to one request only.
   */
  handle(api, s, 'requestReward', async (c, { params: { id }, idempotencyKey: key, reply }) => {
    const me = c.get('employee');
    await s.limits.writes.take(me.id);
    const answer = await s.db.transaction().execute(async (trx) => {
      await lockSpender(trx, s.dialect, me.id);
      // The employee's row is locked, so a concurrent retry under the same key waits here and
      // then finds the first request (the unique index on employee and key backs this up).
      if (key !== null) {
        const earlier = await trx
          .selectFrom('reward_requests')
          .selectAll()
          .where('employee_id', '=', me.id)
          .where('idempotency_key', '=', key)
          .executeTakeFirst();
        if (earlier !== undefined) {
          if (earlier.reward_id !== id) throw conflict('This Idempotency-Key was already used to request a different reward.');
          return { row: earlier, replayed: true };
        }
      }
      const now = nowIso();
      const reward = await trx.selectFrom('rewards').selectAll().where('id', '=', id).executeTakeFirst();
      if (reward === undefined || !requestable(me, now)(reward)) throw notFound('No such reward that you can request.');
      const { balance } = await pointsBalance(trx, me.id);
      const cost = Number(reward.cost);
      if (balance < cost) {
        throw invalid(422, `This reward costs ${cost} points; your balance is ${balance}.`, [
          { field: 'rewardId', message: `needs ${cost} points; your balance is ${balance}`, code: 'insufficient_points' },
        ]);
      }
      if (reward.stock !== null) {
        const taken = await trx
          .updateTable('rewards')
          .set((eb) => ({ stock: eb('stock', '-', 1) }))
          .where('id', '=', id)
          .where('stock', '>', 0)
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) === 0) throw conflict('This reward is out of stock.');
      }
      const row = {
        id: newId('rwr'),
        reward_id: id,
        employee_id: me.id,
        reward_name: reward.name,
        cost,
        status: 'pending',
        reason: null,
        created_at: now,
        decided_at: null,
        fulfilled_at: null,
        idempotency_key: key,
      };
      await trx.insertInto('reward_requests').values(row).execute();
      await trx
        .insertInto('points_ledger')
        .values({ id: newId('pts'), employee_id: me.id, delta: -cost, reason: 'reward_hold', reference: row.id, created_at: now })
        .execute();
      await enqueueWebhookEvent(trx, 'reward_request.created', toRewardRequest(row), now);
      return { row, replayed: false };
    });
    return reply(toRewardRequest(answer.row), answer.replayed ? 200 : 201);
  });

  handle(api, s, 'listMyRewardRequests', async (c, { query, reply }) => {
    const select = s.db.selectFrom('reward_requests').selectAll().where('employee_id', '=', c.get('employee').id);
    const rows = await newestFirst(select, query, 'created_at', 'id');
    return reply(toPage(rows, query.limit, toRewardRequest, (row) => ({ key: row.created_at, id: row.id })));
  });

  handle(api, s, 'cancelRewardRequest', async (c, { params: { id }, reply }) => {
    const me = c.get('employee');
    await s.limits.writes.take(me.id);
    const cancelled = await s.db.transaction().execute(async (trx) => {
      const request = await trx
        .selectFrom('reward_requests')
        .selectAll()
        .where('id', '=', id)
        .where('employee_id', '=', me.id)
        .executeTakeFirst();
      if (request === undefined) throw notFound('No such reward request of yours.');
      const after = await release(trx, request, 'cancelled', null);
      await enqueueWebhookEvent(trx, 'reward_request.updated', toRewardRequest(after), after.decided_at!);
      return after;
    });
    return reply(toRewardRequest(cancelled));
  });

  /* ---------------------------------------------------------- admins */

  handle(api, s, 'adminListRewards', async (_c, { reply }) => {
    const rows = await s.db.selectFrom('rewards').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return reply({ items: rows.map(toReward) });
  });

  handle(api, s, 'adminCreateReward', async (c, { body, reply }) => {
    const admin = c.get('employee');
    await s.limits.writes.take(admin.id);
    const input: RewardInput = body;
    const now = nowIso();
    const row: Database['rewards'] = {
      id: newId('rwd'),
      name: '{}',
      description: '{}',
      image_url: null,
      cost: input.cost,
      stock: null,
      starts_at: null,
      ends_at: null,
      team_id: null,
      active: 1,
      ...columns(input),
      created_at: now,
      updated_at: now,
    };
    await s.db.transaction().execute(async (trx) => {
      await checkReward(trx, row);
      await trx.insertInto('rewards').values(row).execute();
      await recordAudit(trx, {
        actor: { kind: 'admin', id: admin.id },
        action: 'reward.create',
        target: { kind: 'reward', id: row.id },
        after: toReward(row),
        at: now,
      });
    });
    return reply(toReward(row), 201);
  });

  handle(api, s, 'adminUpdateReward', async (c, { params: { id }, body, reply }) => {
    const admin = c.get('employee');
    await s.limits.writes.take(admin.id);
    const updated = await s.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('rewards').selectAll().where('id', '=', id).executeTakeFirst();
      if (before === undefined) throw notFound('No such reward.');
      const now = nowIso();
      const after: Database['rewards'] = { ...before, ...columns(body), updated_at: now };
      await checkReward(trx, after);
      const { id: _id, created_at: _created, ...changes } = after;
      await trx.updateTable('rewards').set(changes).where('id', '=', id).execute();
      await recordAudit(trx, {
        actor: { kind: 'admin', id: admin.id },
        action: 'reward.update',
        target: { kind: 'reward', id },
        before: toReward(before),
        after: toReward(after),
        at: now,
      });
      return after;
    });
    return reply(toReward(updated));
  });

  handle(api, s, 'adminListRewardRequests', async (_c, { query, reply }) => {
    let select = s.db.selectFrom('reward_requests').selectAll();
    if (query.status !== undefined) select = select.where('status', '=', query.status);
    const rows = await newestFirst(select, query, 'created_at', 'id');
    const ids = [...new Set(rows.map((row) => row.employee_id))];
    const names = new Map(
      ids.length === 0
        ? []
        : (await s.db.selectFrom('employees').select(['id', 'display_name']).where('id', 'in', ids).execute()).map((e) => [
            e.id,
            e.display_name,
          ]),
    );
    return reply(
      toPage(
        rows,
        query.limit,
        (row) => toAdminRewardRequest(row, names.get(row.employee_id) ?? row.employee_id),
        (row) => ({ key: row.created_at, id: row.id }),
      ),
    );
  });

  /**
   * Approve a pending request (its hold stays: the points are spent), reject it (released, stock
   * back) or fulfil an approved one. Each change is guarded on the status it expects, so two
   * admins (or an admin and the employee cancelling) cannot both act on one request.
   */
  handle(api, s, 'adminDecideRewardRequest', async (c, { params: { id }, body: decision, reply }) => {
    const admin = c.get('employee');
    await s.limits.writes.take(admin.id);
    const decided = await s.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('reward_requests').selectAll().where('id', '=', id).executeTakeFirst();
      if (before === undefined) throw notFound('No such reward request.');
      const now = nowIso();
      let after: Database['reward_requests'];
      if (decision.decision === 'reject') {
        after = await release(trx, before, 'rejected', decision.reason);
      } else {
        const from = decision.decision === 'approve' ? 'pending' : 'approved';
        const changes =
          decision.decision === 'approve' ? { status: 'approved', decided_at: now } : { status: 'fulfilled', fulfilled_at: now };
        const updated = await trx
          .updateTable('reward_requests')
          .set(changes)
          .where('id', '=', id)
          .where('status', '=', from)
          .returningAll()
          .executeTakeFirst();
        if (updated === undefined) {
          throw conflict(
            `Only ${from === 'pending' ? 'a pending' : 'an approved'} request can be ${decision.decision === 'approve' ? 'approved' : 'fulfilled'}; this one is ${before.status}.`,
          );
        }
        after = updated;
      }
      const verb = { approve: 'approve', reject: 'reject', fulfil: 'fulfil' }[decision.decision];
      await recordAudit(trx, {
        actor: { kind: 'admin', id: admin.id },
        action: `reward_request.${verb}`,
        target: { kind: 'reward_request', id },
        before: toRewardRequest(before),
        after: toRewardRequest(after),
        at: now,
      });
      await enqueueWebhookEvent(trx, 'reward_request.updated', toRewardRequest(after), now);
      return after;
    });
    return reply(toRewardRequest(decided));
  });

  /** A manual grant or deduction; a deduction never takes the balance below zero (422 on delta). */
  handle(api, s, 'adminAdjustPoints', async (c, { body: input, reply }) => {
    const admin = c.get('employee');
    await s.limits.writes.take(admin.id);
    const entry = await s.db.transaction().execute(async (trx) => {
      if (!(await lockSpender(trx, s.dialect, input.employeeId))) {
        throw invalid(422, 'No such employee.', [
          { field: 'employeeId', message: `unknown employee "${input.employeeId}"`, code: 'unknown_employee' },
        ]);
      }
      const { balance } = await pointsBalance(trx, input.employeeId);
      if (balance + input.delta < 0) {
        throw invalid(422, `Deducting ${-input.delta} points would take the balance (${balance}) below zero.`, [
          { field: 'delta', message: `would take the balance below zero (balance ${balance})`, code: 'insufficient_points' },
        ]);
      }
      const now = nowIso();
      const row = {
        id: newId('pts'),
        employee_id: input.employeeId,
        delta: input.delta,
        reason: 'manual',
        reference: newId('adj'),
        created_at: now,
        note: input.reason.trim(),
      };
      await trx.insertInto('points_ledger').values(row).execute();
      await recordAudit(trx, {
        actor: { kind: 'admin', id: admin.id },
        action: 'points.adjust',
        target: { kind: 'employee', id: input.employeeId },
        before: { balance },
        after: toPointsEntry(row),
        at: now,
      });
      return row;
    });
    return reply(toPointsEntry(entry), 201);
  });
}

/**
 * Rejects or cancels a pending request: the status change is guarded on `pending`, then its cost
 * comes back (`reward_release`, once per request by the ledger's unique (reason, reference)) and
 * so does its stock.
 */
async function release(
  trx: Transaction<Database>,
  request: Database['reward_requests'],
  status: 'rejected' | 'cancelled',
  reason: string | null,
): Promise<Database['reward_requests']> {
  const now = nowIso();
  const updated = await trx
    .updateTable('reward_requests')
    .set({ status, reason, decided_at: now })
    .where('id', '=', request.id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  if (updated === undefined) throw conflict(`Only a pending request can be ${status}; this one is ${request.status}.`);
  await trx
    .insertInto('points_ledger')
    .values({
      id: newId('pts'),
      employee_id: request.employee_id,
      delta: Number(request.cost),
      reason: 'reward_release',
      reference: request.id,
      created_at: now,
    })
    .execute();
  await trx
    .updateTable('rewards')
    .set((eb) => ({ stock: eb('stock', '+', 1) }))
    .where('id', '=', request.reward_id)
    .where('stock', 'is not', null)
    .execute();
  return updated;
}
