import type { Goal, GoalInput, GoalMetric, GoalPatch } from '@advocacy-kit/core';
import { GOAL_MAX_DAYS, daysInclusive, goalProgress, utcDay } from '@advocacy-kit/core/rules';
import type { Hono } from 'hono';
import { sql, type Selectable } from 'kysely';
import { recordAudit } from '../audit/audit.js';
import type { AppEnv, Services } from '../context.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { handle } from '../http/operation.js';
import { invalid, notFound } from '../http/problem.js';
import { newId, nowIso } from '../ids.js';
import { isMemberSql } from './membership.js';

type GoalRow = Selectable<Database['program_goals']>;

const DAY_MS = 86_400_000;
const nextDay = (day: string) => utcDay(Date.parse(day) + DAY_MS);
const isDay = (value: string) => !Number.isNaN(Date.parse(value)) && utcDay(Date.parse(value)) === value;

/** The rules of a goal's fields beyond its schema (the same in core's memory backend). */
async function checkGoal(db: Db, goal: GoalInput): Promise<void> {
  const errors = [];
  if (goal.title.trim() === '') errors.push({ field: 'title', message: 'is required', code: 'required' });
  if (goal.metric === 'participation' && goal.target > 1)
    errors.push({ field: 'target', message: 'a participation target is a share of members, at most 1', code: 'out_of_range' });
  if (!isDay(goal.from)) errors.push({ field: 'from', message: 'must be a date (YYYY-MM-DD)', code: 'invalid_date' });
  if (!isDay(goal.to)) errors.push({ field: 'to', message: 'must be a date (YYYY-MM-DD)', code: 'invalid_date' });
  else if (goal.to < goal.from) errors.push({ field: 'to', message: 'must not be before from', code: 'out_of_range' });
  else if (daysInclusive(goal.from, goal.to) > GOAL_MAX_DAYS)
    errors.push({ field: 'to', message: `a goal runs at most ${GOAL_MAX_DAYS} days`, code: 'out_of_range' });
  if (goal.team != null && (await db.selectFrom('teams').select('id').where('id', '=', goal.team).executeTakeFirst()) === undefined)
    errors.push({ field: 'team', message: `unknown team "${goal.team}"`, code: 'unknown_team' });
  if (errors.length > 0) throw invalid(422, 'The goal is not valid.', errors);
}

/** What each day from `from` to `last` added to a count or value metric, from the daily rollups. */
async function dailyTotals(db: Db, metric: Exclude<GoalMetric, 'participation'>, team: string | null, from: string, last: string) {
  const column = sql.ref(
    { shares: 'shares', unique_clicks: 'clicks', conversions: 'conversions', conversion_value: 'conversion_value' }[metric],
  );
  const { rows } =
    team === null
      ? await sql<{ bucket: string; n: unknown }>`
          select bucket, sum(${column}) as "n" from rollup_network
          where level = 'd' and bucket >= ${from} and bucket <= ${last} group by bucket`.execute(db)
      : await sql<{ bucket: string; n: unknown }>`
          select bucket, sum(${column}) as "n" from rollup_team
          where level = 'd' and team_id = ${team} and bucket >= ${from} and bucket <= ${last} group by bucket`.execute(db);
  return new Map(rows.map((row) => [row.bucket, Number(row.n)] as const));
}

/**
 * Participation: how many members (of the team) there are now, and on which day each of them
 * first shared in the range. One pass over the range's shares, grouped by employee.
 */
async function participation(db: Db, team: string | null, from: string, last: string) {
  const teamOnly = team === null ? sql`` : sql`and e.team_id = ${team}`;
  const [firsts, members] = await Promise.all([
    sql<{ day: string; n: unknown }>`
      select substr(f.first_at, 1, 10) as "day", count(*) as "n"
      from (
        select employee_id, min(created_at) as first_at from shares
        where created_at >= ${from} and created_at < ${nextDay(last)}
        group by employee_id
      ) f
      join employees e on e.id = f.employee_id
      left join program_members m on m.employee_id = e.id
      where ${isMemberSql()} ${teamOnly}
      group by substr(f.first_at, 1, 10)`.execute(db),
    sql<{ n: unknown }>`
      select count(*) as "n" from employees e left join program_members m on m.employee_id = e.id
      where ${isMemberSql()} ${teamOnly}`.execute(db),
  ]);
  return { increments: new Map(firsts.rows.map((row) => [row.day, Number(row.n)])), members: Number(members.rows[0]?.n ?? 0) };
}

/** A goal with its progress today. */
export async function presentGoal(db: Db, row: GoalRow, now: Date): Promise<Goal> {
  const today = utcDay(now);
  const spec = { metric: row.metric as GoalMetric, target: Number(row.target), from: row.from_day, to: row.to_day };
  const last = today < spec.to ? today : spec.to;
  let increments = new Map<string, number>();
  let divisor = 1;
  if (last >= spec.from) {
    if (spec.metric === 'participation') {
      const counted = await participation(db, row.team_id, spec.from, last);
      increments = counted.increments;
      divisor = counted.members;
    } else {
      increments = await dailyTotals(db, spec.metric, row.team_id, spec.from, last);
    }
  }
  return {
    id: row.id,
    title: row.title,
    ...spec,
    team: row.team_id,
    archived: row.archived === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    progress: goalProgress(spec, today, increments, divisor),
  };
}

/** The goal as the audit log keeps it: its fields, without today's progress. */
const audited = ({ progress: _progress, ...goal }: Goal) => goal;

export function goalRoutes(api: Hono<AppEnv>, s: Services): void {
  const find = async (db: Db, id: string) => {
    const row = await db.selectFrom('program_goals').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw notFound('No such goal.');
    return row;
  };

  handle(api, s, 'adminListGoals', async (_c, { query, reply }) => {
    let select = s.db.selectFrom('program_goals').selectAll().orderBy('from_day').orderBy('id');
    if (!query.archived) select = select.where('archived', '=', 0);
    const now = new Date();
    const rows = await select.execute();
    return reply({ items: await Promise.all(rows.map((row) => presentGoal(s.db, row, now))) });
  });

  handle(api, s, 'adminCreateGoal', async (c, { body, reply }) => {
    await checkGoal(s.db, body);
    const now = nowIso();
    const row: GoalRow = {
      id: newId('goal'),
      title: body.title.trim(),
      metric: body.metric,
      target: body.target,
      from_day: body.from,
      to_day: body.to,
      team_id: body.team ?? null,
      archived: 0,
      created_at: now,
      updated_at: now,
    };
    const goal = await presentGoal(s.db, row, new Date(now));
    await s.db.transaction().execute(async (trx) => {
      await trx.insertInto('program_goals').values(row).execute();
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: 'goal.create',
        target: { kind: 'goal', id: row.id },
        after: audited(goal),
        at: now,
      });
    });
    return reply(goal, 201);
  });

  handle(api, s, 'adminUpdateGoal', async (c, { params, body, reply }) => {
    const patch: GoalPatch = body;
    const now = nowIso();
    const goal = await s.db.transaction().execute(async (trx) => {
      const before = await find(trx, params.id);
      const merged: GoalInput = {
        title: patch.title ?? before.title,
        metric: patch.metric ?? (before.metric as GoalMetric),
        target: patch.target ?? Number(before.target),
        from: patch.from ?? before.from_day,
        to: patch.to ?? before.to_day,
        team: patch.team === undefined ? before.team_id : patch.team,
      };
      await checkGoal(trx, merged);
      const row: GoalRow = {
        ...before,
        title: merged.title.trim(),
        metric: merged.metric,
        target: merged.target,
        from_day: merged.from,
        to_day: merged.to,
        team_id: merged.team ?? null,
        archived: patch.archived === undefined ? before.archived : patch.archived ? 1 : 0,
        updated_at: now,
      };
      const { id, ...fields } = row;
      await trx.updateTable('program_goals').set(fields).where('id', '=', id).execute();
      const [was, is] = [await presentGoal(trx, before, new Date(now)), await presentGoal(trx, row, new Date(now))];
      const archiving = before.archived === 0 && row.archived === 1;
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: archiving ? 'goal.archive' : 'goal.update',
        target: { kind: 'goal', id },
        before: audited(was),
        after: audited(is),
        at: now,
      });
      return is;
    });
    return reply(goal);
  });

  handle(api, s, 'adminDeleteGoal', async (c, { params }) => {
    await s.db.transaction().execute(async (trx) => {
      const before = await find(trx, params.id);
      await trx.deleteFrom('program_goals').where('id', '=', params.id).execute();
      await recordAudit(trx, {
        actor: { kind: 'admin', id: c.get('employee').id },
        action: 'goal.delete',
        target: { kind: 'goal', id: params.id },
        before: {
          id: before.id,
          title: before.title,
          metric: before.metric,
          target: Number(before.target),
          from: before.from_day,
          to: before.to_day,
          team: before.team_id,
          archived: before.archived === 1,
        },
        at: nowIso(),
      });
    });
    return c.body(null, 204);
  });
}
