import type { Contest, ContestInput, ContestStatus, LeaderboardEntry, Scope } from '@advocacy-kit/core';
import { SPENDING_REASONS } from '@advocacy-kit/core/contract';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';
import { gamificationDb, type GamificationTables } from './tables.js';

type ContestRow = GamificationTables['contests'];

const TOP = 10;
/** Ended contests stay listed this long. */
export const RECENT_MS = 30 * 86_400_000;

interface Standing {
  employeeId: string;
  points: number;
  rank: number;
}

/** Points earned in [starts_at, ends_at) by the contest's members (leavers left out), most first, ties by employee id, equal points sharing a rank. */
async function liveStandings(db: Kysely<Database>, contest: ContestRow): Promise<Standing[]> {
  const inTeam =
    contest.scope === 'team'
      ? sql`and exists (select 1 from employees t where t.id = l.employee_id and t.team_id = ${contest.team_id})`
      : sql``;
  const { rows } = await sql<{ employee_id: string; points: string | number }>`
    select totals.employee_id, totals.points from (
      select l.employee_id, sum(l.delta) as points
      from points_ledger l
      where l.created_at >= ${contest.starts_at} and l.created_at < ${contest.ends_at} and l.reason not in (${sql.join([...SPENDING_REASONS])}) ${inTeam}
      group by l.employee_id
      having sum(l.delta) > 0
    ) totals
    where not exists (select 1 from employees d where d.id = totals.employee_id and d.status = 'deactivated')
    order by totals.points desc, totals.employee_id`.execute(db);
  let rank = 0;
  return rows.map((row, index) => {
    const points = Number(row.points);
    if (index === 0 || Number(rows[index - 1]!.points) !== points) rank = index + 1;
    return { employeeId: row.employee_id, points, rank };
  });
}

/**
 * Stores the final standings of an ended contest, once: the guarded update of `finalized_at`
 * lets exactly one caller through (PostgreSQL re-checks the condition after waiting for a
 * concurrent one; SQLite has one writer), and the results' primary key backs it up.
 */
export async function finalizeContest(db: Kysely<Database>, contest: ContestRow, now: Date): Promise<boolean> {
  if (contest.finalized_at !== null || contest.cancelled_at !== null || Date.parse(contest.ends_at) > now.getTime()) return false;
  return db.transaction().execute(async (trx) => {
    const gdb = gamificationDb(trx);
    const claimed = await gdb
      .updateTable('contests')
      .set({ finalized_at: now.toISOString() })
      .where('id', '=', contest.id)
      .where('finalized_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    if (claimed.numUpdatedRows !== 1n) return false;
    const standings = await liveStandings(trx, contest);
    for (let i = 0; i < standings.length; i += 500) {
      await gdb
        .insertInto('contest_results')
        .values(
          standings.slice(i, i + 500).map((s) => ({ contest_id: contest.id, employee_id: s.employeeId, rank: s.rank, points: s.points })),
        )
        .onConflict((oc) => oc.columns(['contest_id', 'employee_id']).doNothing())
        .execute();
    }
    return true;
  });
}

/** Stores the results of every contest that has ended and is not finalized yet; returns how many. */
export async function finalizeEndedContests(db: Kysely<Database>, now: Date): Promise<number> {
  const ended = await gamificationDb(db)
    .selectFrom('contests')
    .selectAll()
    .where('finalized_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('ends_at', '<=', now.toISOString())
    .execute();
  let count = 0;
  for (const contest of ended) if (await finalizeContest(db, contest, now)) count++;
  return count;
}

async function entriesFor(db: Kysely<Database>, standings: Standing[]): Promise<Map<string, LeaderboardEntry>> {
  const ids = standings.map((s) => s.employeeId);
  if (ids.length === 0) return new Map();
  const people = await db
    .selectFrom('employees')
    .leftJoin('teams', 'teams.id', 'employees.team_id')
    .select(['employees.id', 'employees.display_name', 'employees.avatar_url', 'employees.team_id', 'teams.name as team_name'])
    .where('employees.id', 'in', ids)
    // A leaver leaves finalized results too (their frozen rank stays a gap).
    .where('employees.status', '<>', 'deactivated')
    .execute();
  const byId = new Map(people.map((p) => [p.id, p]));
  const out = new Map<string, LeaderboardEntry>();
  for (const s of standings) {
    const p = byId.get(s.employeeId);
    if (p)
      out.set(s.employeeId, {
        rank: s.rank,
        employeeId: s.employeeId,
        displayName: p.display_name,
        avatarUrl: p.avatar_url,
        team: p.team_id,
        teamName: p.team_name ?? p.team_id,
        points: s.points,
      });
  }
  return out;
}

const statusAt = (row: ContestRow, now: Date): ContestStatus =>
  row.cancelled_at !== null
    ? 'cancelled'
    : Date.parse(row.starts_at) > now.getTime()
      ? 'scheduled'
      : Date.parse(row.ends_at) <= now.getTime()
        ? 'ended'
        : 'active';

/** The contest as the API shows it to `employeeId`: frozen results once finalized, live standings before. */
export async function presentContest(db: Kysely<Database>, row: ContestRow, employeeId: string, now: Date): Promise<Contest> {
  const gdb = gamificationDb(db);
  let top: Standing[];
  let mine: Standing | undefined;
  if (row.finalized_at !== null) {
    const toStanding = (r: GamificationTables['contest_results']): Standing => ({
      employeeId: r.employee_id,
      points: Number(r.points),
      rank: Number(r.rank),
    });
    const [rows, own] = await Promise.all([
      gdb
        .selectFrom('contest_results')
        .selectAll()
        .where('contest_id', '=', row.id)
        .orderBy('rank')
        .orderBy('employee_id')
        .limit(TOP)
        .execute(),
      gdb
        .selectFrom('contest_results')
        .selectAll()
        .where('contest_id', '=', row.id)
        .where('employee_id', '=', employeeId)
        .executeTakeFirst(),
    ]);
    top = rows.map(toStanding);
    mine = own === undefined ? undefined : toStanding(own);
  } else {
    const status = statusAt(row, now);
    const all = status === 'scheduled' || status === 'cancelled' ? [] : await liveStandings(db, row);
    top = all.slice(0, TOP);
    mine = all.find((s) => s.employeeId === employeeId);
  }
  const entries = await entriesFor(db, mine === undefined ? top : [...top, mine]);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    prize: row.prize,
    translations: JSON.parse(row.translations) as Contest['translations'],
    scope: row.scope as Scope,
    team: row.team_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: statusAt(row, now),
    final: row.finalized_at !== null,
    entries: top.flatMap((s) => entries.get(s.employeeId) ?? []),
    me: mine === undefined ? null : (entries.get(employeeId) ?? null),
  };
}

/** Running and recently ended contests the employee takes part in, soonest-ending first; ended ones are finalized on the way. */
export async function listContests(db: Kysely<Database>, employee: { id: string; team: string }, now: Date): Promise<Contest[]> {
  await finalizeEndedContests(db, now);
  const rows = await gamificationDb(db)
    .selectFrom('contests')
    .selectAll()
    .where('cancelled_at', 'is', null)
    .where('starts_at', '<=', now.toISOString())
    .where('ends_at', '>', new Date(now.getTime() - RECENT_MS).toISOString())
    .where((eb) => eb.or([eb('scope', '=', 'company'), eb('team_id', '=', employee.team)]))
    .orderBy('ends_at')
    .orderBy('id')
    .execute();
  return Promise.all(rows.map((row) => presentContest(db, row, employee.id, now)));
}

export async function createContest(db: Kysely<Database>, input: ContestInput, now: Date): Promise<ContestRow> {
  const row: ContestRow = {
    id: newId('cst'),
    title: input.title,
    description: input.description ?? '',
    prize: input.prize,
    scope: input.scope,
    team_id: input.scope === 'team' ? input.team! : null,
    starts_at: new Date(input.startsAt).toISOString(),
    ends_at: new Date(input.endsAt).toISOString(),
    created_at: now.toISOString(),
    finalized_at: null,
    cancelled_at: null,
    translations: JSON.stringify(input.translations ?? {}),
  };
  await gamificationDb(db).insertInto('contests').values(row).execute();
  return row;
}

/** Every contest for the admin list, latest start first; ended ones are finalized on the way. */
export async function allContests(db: Kysely<Database>, adminId: string, now: Date): Promise<Contest[]> {
  await finalizeEndedContests(db, now);
  const rows = await gamificationDb(db).selectFrom('contests').selectAll().orderBy('starts_at', 'desc').orderBy('id').execute();
  return Promise.all(rows.map((row) => presentContest(db, row, adminId, now)));
}

export async function contestRow(db: Kysely<Database>, id: string): Promise<ContestRow | undefined> {
  return gamificationDb(db).selectFrom('contests').selectAll().where('id', '=', id).executeTakeFirst();
}
