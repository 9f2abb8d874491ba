import type { LeaderboardEntry } from '@advocacy-kit/core';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** Points per employee since `from` (all time when null), optionally within one team. */
function totals(db: Db, from: string | null, team: string | null) {
  let query = db
    .selectFrom('points_ledger')
    .select(['points_ledger.employee_id', (eb) => eb.fn.sum<string | number>('points_ledger.delta').as('points')])
    .groupBy('points_ledger.employee_id');
  if (from !== null) query = query.where('points_ledger.created_at', '>=', from);
  if (team !== null) {
    query = query.where((eb) => eb.exists(eb.selectFrom('employees').select('employees.id').whereRef('employees.id', '=', 'points_ledger.employee_id').where('employees.team_id', '=', team)));
  }
  return query;
}

export interface Ranking {
  entries: LeaderboardEntry[];
  me: LeaderboardEntry | null;
  participants: number;
}

/**
 * Top `limit` by points (ties by employee id; equal points share a rank), the given employee's
 * own entry wherever it falls, and how many have points. Served by the covering index on
 * (created_at, employee_id, delta).
 */
export async function ranking(db: Db, options: { from: string | null; team: string | null; limit: number; employeeId: string }): Promise<Ranking> {
  const { from, team, limit, employeeId } = options;
  const top = await db
    .with('totals', () => totals(db, from, team))
    .selectFrom('totals')
    .innerJoin('employees', 'employees.id', 'totals.employee_id')
    .leftJoin('teams', 'teams.id', 'employees.team_id')
    .select(['totals.employee_id', 'totals.points', 'employees.display_name', 'employees.avatar_url', 'employees.team_id', 'teams.name as team_name'])
    .where('totals.points', '>', 0)
    .orderBy('totals.points', 'desc')
    .orderBy('totals.employee_id', 'asc')
    .limit(limit)
    .execute();

  const counts = await db
    .with('totals', () => totals(db, from, team))
    .selectFrom('totals')
    .select([
      sql<string | number>`count(*)`.as('participants'),
      sql<string | number | null>`sum(case when totals.employee_id = ${employeeId} then totals.points else 0 end)`.as('mine'),
    ])
    .where('totals.points', '>', 0)
    .executeTakeFirstOrThrow();
  const participants = Number(counts.participants);
  const myPoints = Number(counts.mine ?? 0);

  const entries: LeaderboardEntry[] = [];
  let rank = 0;
  top.forEach((row, index) => {
    const points = Number(row.points);
    if (index === 0 || Number(top[index - 1]!.points) !== points) rank = index + 1;
    entries.push({
      rank,
      employeeId: row.employee_id,
      displayName: row.display_name,
      avatarUrl: row.avatar_url,
      team: row.team_id,
      teamName: row.team_name ?? row.team_id,
      points,
    });
  });

  let me = entries.find((entry) => entry.employeeId === employeeId) ?? null;
  if (me === null && myPoints > 0) {
    const ahead = await db
      .with('totals', () => totals(db, from, team))
      .selectFrom('totals')
      .select(sql<string | number>`count(*)`.as('ahead'))
      .where('totals.points', '>', myPoints)
      .executeTakeFirstOrThrow();
    const employee = await db
      .selectFrom('employees')
      .leftJoin('teams', 'teams.id', 'employees.team_id')
      .select(['employees.display_name', 'employees.avatar_url', 'employees.team_id', 'teams.name as team_name'])
      .where('employees.id', '=', employeeId)
      .executeTakeFirst();
    if (employee !== undefined) {
      me = {
        rank: Number(ahead.ahead) + 1,
        employeeId,
        displayName: employee.display_name,
        avatarUrl: employee.avatar_url,
        team: employee.team_id,
        teamName: employee.team_name ?? employee.team_id,
        points: myPoints,
      };
    }
  }
  return { entries, me, participants };
}
