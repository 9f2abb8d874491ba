import type { EffectivePointValues, PointRules, PointRulesVersion } from '@advocacy-kit/core';
import { NETWORK_IDS } from '@advocacy-kit/core/contract';
import { sharePoints, versionAt, type Rules } from '@advocacy-kit/core/rules';
import type { Hono } from 'hono';
import { recordAudit } from '../audit/audit.js';
import type { AppEnv, Services } from '../context.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { handle } from '../http/operation.js';
import { conflict, invalid, notFound } from '../http/problem.js';
import { newId } from '../ids.js';
import { loadSchedule, rulesIn } from './schedule.js';

type Row = Database['point_rule_versions'];
type Network = (typeof NETWORK_IDS)[number];

/** How far in the past an effective time may be (a clock a little behind); it then takes effect now. */
const PAST_TOLERANCE_MS = 5 * 60_000;

/** The point values and every network's weight (1 where none is set). */
const fullPointRules = (rules: Rules) => ({
  points: { ...rules.points },
  networkWeights: Object.fromEntries(NETWORK_IDS.map((network) => [network, rules.networkWeights[network] ?? 1])) as Record<
    Network,
    number
  >,
});

/** The effective time of a new or edited version: now if not given; more than a few minutes in the past is a field error. */
function effectiveTime(value: string | undefined, now: Date): string {
  if (value === undefined) return now.toISOString();
  const t = Date.parse(value);
  if (t < now.getTime() - PAST_TOLERANCE_MS)
    throw invalid(422, 'A version of the point rules cannot take effect in the past.', [
      { field: 'effectiveFrom', message: 'must not be in the past', code: 'out_of_range' },
    ]);
  return new Date(Math.max(t, now.getTime())).toISOString();
}

/**
 * Versions of the point rules, as admins edit them, and the values in effect, as employees read
 * them. Each write records its audit entry in its transaction and, once committed, makes the
 * cache read the versions again (`s.pointRules.invalidate()`), so the next award follows it.
 */
export function pointRulesRoutes(api: Hono<AppEnv>, s: Services): void {
  /** The version as the API shows it at `now`: current (in effect), scheduled or past. */
  const present = (row: Row, currentId: string | undefined, now: string): PointRulesVersion => ({
    id: row.id,
    rules: JSON.parse(row.rules) as PointRules,
    effectiveFrom: row.effective_from,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at,
    status: row.effective_from > now ? 'scheduled' : row.id === currentId ? 'current' : 'past',
  });

  /** The id of the version in effect at `now`, read in `db` (the transaction of a change). */
  const currentId = async (db: Db, now: string) => versionAt((await loadSchedule(db, s.config.rules)).versions, now)?.id;

  /** A version that has not taken effect yet: 404 if unknown, 409 once it took effect. */
  const scheduled = async (db: Db, id: string, now: string): Promise<Row> => {
    const row = await db.selectFrom('point_rule_versions').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound(`No point rules version "${id}".`);
    if (row.effective_from <= now) throw conflict('This version already took effect: past versions are history and cannot change.');
    return row;
  };

  handle(api, s, 'getPointValues', async (_c, { reply }) => {
    const now = new Date().toISOString();
    const schedule = await s.pointRules.schedule();
    const rules = await s.pointRules.at(now);
    const values: EffectivePointValues = {
      ...fullPointRules(rules),
      shareByNetwork: Object.fromEntries(NETWORK_IDS.map((network) => [network, sharePoints(rules, network)])) as Record<Network, number>,
      effectiveFrom: versionAt(schedule.versions, now)?.effectiveFrom ?? null,
    };
    return reply(values);
  });

  handle(api, s, 'adminListPointRules', async (_c, { reply }) => {
    const now = new Date().toISOString();
    const rows = await s.db
      .selectFrom('point_rule_versions')
      .selectAll()
      .orderBy('effective_from', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const schedule = await loadSchedule(s.db, s.config.rules);
    const current = versionAt(schedule.versions, now);
    return reply({
      items: rows.map((row) => present(row, current?.id, now)),
      defaults: fullPointRules(s.config.rules),
      effective: fullPointRules(rulesIn(schedule, now)),
    });
  });

  handle(api, s, 'adminCreatePointRules', async (c, { body, reply }) => {
    const now = new Date();
    const at = now.toISOString();
    const adminId = c.get('employee').id;
    const row: Row = {
      id: newId('prv'),
      rules: JSON.stringify(body.rules),
      effective_from: effectiveTime(body.effectiveFrom, now),
      note: body.note ?? null,
      created_by: adminId,
      created_at: at,
      updated_at: at,
    };
    const created = await s.db.transaction().execute(async (trx) => {
      await trx.insertInto('point_rule_versions').values(row).execute();
      const version = present(row, await currentId(trx, at), at);
      await recordAudit(trx, {
        actor: { kind: 'admin', id: adminId },
        action: 'points_rules.create',
        target: { kind: 'points_rules', id: row.id },
        after: version,
      });
      return version;
    });
    s.pointRules.invalidate();
    return reply(created, 201);
  });

  handle(api, s, 'adminUpdatePointRules', async (c, { params: { id }, body, reply }) => {
    const now = new Date();
    const at = now.toISOString();
    const adminId = c.get('employee').id;
    const updated = await s.db.transaction().execute(async (trx) => {
      const current = await scheduled(trx, id, at);
      const next: Row = {
        ...current,
        ...(body.rules === undefined ? {} : { rules: JSON.stringify(body.rules) }),
        ...(body.effectiveFrom === undefined ? {} : { effective_from: effectiveTime(body.effectiveFrom, now) }),
        ...(body.note === undefined ? {} : { note: body.note }),
        updated_at: at,
      };
      // Guarded on the time: a version that took effect meanwhile is not changed (409).
      const changed = await trx
        .updateTable('point_rule_versions')
        .set({ rules: next.rules, effective_from: next.effective_from, note: next.note, updated_at: at })
        .where('id', '=', id)
        .where('effective_from', '>', at)
        .executeTakeFirst();
      if (changed.numUpdatedRows !== 1n) throw conflict('This version already took effect: past versions are history and cannot change.');
      const effective = await currentId(trx, at);
      const version = present(next, effective, at);
      await recordAudit(trx, {
        actor: { kind: 'admin', id: adminId },
        action: 'points_rules.update',
        target: { kind: 'points_rules', id },
        before: present(current, effective, at),
        after: version,
      });
      return version;
    });
    s.pointRules.invalidate();
    return reply(updated);
  });

  handle(api, s, 'adminDeletePointRules', async (c, { params: { id } }) => {
    const at = new Date().toISOString();
    await s.db.transaction().execute(async (trx) => {
      const current = await scheduled(trx, id, at);
      const deleted = await trx.deleteFrom('point_rule_versions').where('id', '=', id).where('effective_from', '>', at).executeTakeFirst();
      if (deleted.numDeletedRows !== 1n) throw conflict('This version already took effect: past versions are history and cannot change.');
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: 'points_rules.delete',
        target: { kind: 'points_rules', id },
        before: present(current, undefined, at),
      });
    });
    s.pointRules.invalidate();
    return c.body(null, 204);
  });
}
