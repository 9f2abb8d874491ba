import type { LeaderboardEntry } from '@advocacy-kit/core';
import { SPENDING_REASONS } from '@advocacy-kit/core/contract';
import { sql } from 'kysely';
import type { Period } from '@advocacy-kit/core';
import type { Db, Dialect } from '../db/database.js';
import { countAbove, type Boards } from './boards.js';

export interface Ranking {
  entries: LeaderboardEntry[];
  me: LeaderboardEntry | null;
  participants: number;
}

interface Row {
  kind: 'top' | 'me' | 'participants' | 'ahead';
  employee_id: string | null;
  points: string | number | null;
  /** Anonymous top rows: how many have more points (their rank is this + 1). */
  above: string | number | null;
}

/**
 * Top `limit` by points since `from` (all time when null), optionally within one team, leavers
 * (deactivated employees) left out: most
 * points first, ties by employee id, equal points sharing a rank. The given employee's own entry
 * comes back wherever it falls, and `participants` counts everyone with points. Points earned:
 * reward holds and releases (spending) are left out.
 *
 * One statement, one pass over the ledger: the per-employee totals (read from the covering
 * index (created_at, employee_id, delta)) are materialised once, then the top N (a bounded
 * sort), the caller's row, the participant count and how many are ahead of the caller are each
 * a scan of those totals — no full sort of every employee. With `optedInOnly` (the anonymous
 * leaderboard) the top N are the employees who opted in, each at their true rank among everyone.
 */
export async function ranking(
  db: Db,
  options: {
    dialect: Dialect;
    from: string | null;
    team: string | null;
    limit: number;
    employeeId: string;
    /** Anonymous leaderboard: list only employees who opted in (`show_on_leaderboard`), at their true rank. */
    optedInOnly?: boolean;
  },
): Promise<Ranking> {
  const { dialect, from, team, limit, employeeId, optedInOnly = false } = options;
  // SQLite's planner prefers reading in employee order (no grouping sort) even for a one-week
  // window; for a window, the range on points_period reads a fraction of the ledger.
  const index = dialect === 'sqlite' && from !== null ? sql`indexed by points_period` : sql``;
  const since = from === null ? sql`` : sql`and l.created_at >= ${from}`;
  const inTeam = team === null ? sql`` : sql`and exists (select 1 from employees t where t.id = l.employee_id and t.team_id = ${team})`;
  const top = optedInOnly
    ? sql`select 'top' as kind, employee_id, points, (select count(*) from board b where b.points > board.points) as above from board
        where exists (select 1 from employee_preferences p where p.employee_id = board.employee_id and p.show_on_leaderboard = 1)
        order by points desc, employee_id limit ${limit}`
    : sql`select 'top' as kind, employee_id, points, null as above from board order by points desc, employee_id limit ${limit}`;
  const { rows } = await sql<Row>`
    with totals as (
      select l.employee_id, sum(l.delta) as points
      from points_ledger l ${index}
      where l.reason not in (${sql.join([...SPENDING_REASONS])}) ${since} ${inTeam}
      group by l.employee_id
      having sum(l.delta) > 0
    ),
    board as (
      select * from totals
      where not exists (select 1 from employees d where d.id = totals.employee_id and d.status = 'deactivated')
    )
    select * from (${top}) top_n
    union all select 'me', employee_id, points, null from board where employee_id = ${employeeId}
    union all select 'participants', null, count(*), null from board
    union all select 'ahead', null, count(*), null from board where points > (select points from board where employee_id = ${employeeId})`.execute(
    db,
  );

  const listed = rows.filter((row) => row.kind === 'top');
  const mine = rows.find((row) => row.kind === 'me');
  const count = (kind: Row['kind']) => Number(rows.find((row) => row.kind === kind)?.points ?? 0);
  const people = await profiles(db, [...new Set([...listed, ...(mine ? [mine] : [])].map((row) => row.employee_id!))]);
  const entries: LeaderboardEntry[] = [];
  let rank = 0;
  listed.forEach((row, index) => {
    const points = Number(row.points);
    if (row.above !== null) rank = Number(row.above) + 1;
    else if (index === 0 || Number(listed[index - 1]!.points) !== points) rank = index + 1;
    const entry = toEntry(people, row.employee_id!, points, rank);
    if (entry !== null) entries.push(entry);
  });
  const me =
    mine === undefined
      ? null
      : (entries.find((entry) => entry.employeeId === employeeId) ?? toEntry(people, employeeId, Number(mine.points), count('ahead') + 1));
  return { entries, me, participants: count('participants') };
}

type Profiles = Map<string, { display_name: string; avatar_url: string | null; team_id: string; team_name: string | null }>;

/** Names, avatars and teams of the employees listed. */
async function profiles(db: Db, ids: string[]): Promise<Profiles> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('employees')
    .leftJoin('teams', 'teams.id', 'employees.team_id')
    .select(['employees.id', 'employees.display_name', 'employees.avatar_url', 'employees.team_id', 'teams.name as team_name'])
    .where('employees.id', 'in', ids)
    .execute();
  return new Map(rows.map((person) => [person.id, person]));
}

function toEntry(people: Profiles, employee: string, points: number, rank: number): LeaderboardEntry | null {
  const person = people.get(employee);
  if (person === undefined) return null;
  return {
    rank,
    employeeId: employee,
    displayName: person.display_name,
    avatarUrl: person.avatar_url,
    team: person.team_id,
    teamName: person.team_name ?? person.team_id,
    points,
  };
}

/**
 * The leaderboard of a period from its board (boards.ts) — the same answer as `ranking()`, read
 * from points kept in memory for at most the configured staleness instead of aggregated per
 * request. The caller's own points are always exact (one indexed read of their ledger rows), and
 * their rank and the ranks around them count them with those points. The caller is the signed-in
 * employee (so active), and `team`, when given, is theirs. The program's settings, read in the
 * same statement as the board's stamp, say whether it is anonymous (the opted-in top N by name,
 * at most `top` of them).
 */
export async function boardRanking(
  db: Db,
  boards: Boards,
  options: { period: Period; team: string | null; limit: number; employeeId: string },
): Promise<Ranking & { anonymous: boolean }> {
  const { period, team, employeeId } = options;
  const { board, mine: myPoints, settings } = await boards.get(period, employeeId);
  // Anonymous: everyone (admins too) sees the opted-in top N by name and their own rank.
  const optedInOnly = settings.anonymous;
  const limit = optedInOnly ? Math.min(options.limit, settings.top) : options.limit;
  const list = (team === null ? board.standings : board.teams.get(team)) ?? [];
  const stale = board.standing(employeeId);
  const staleInList = stale !== undefined && stale.points > 0 && (team === null || stale.team === team);
  // The caller is signed in, so active, and `team` is theirs.
  const me = myPoints > 0 ? { employeeId, points: myPoints } : null;
  /** 1 + how many have more points, counting the caller with their exact points. */
  const rankOf = (points: number, who: string) =>
    1 +
    countAbove(list, points) -
    (staleInList && stale.points > points ? 1 : 0) +
    (me !== null && who !== employeeId && me.points > points ? 1 : 0);

  const listed: Array<{ employeeId: string; points: number }> = [];
  let placed = me === null;
  for (const standing of list) {
    if (listed.length >= limit) break;
    if (!placed && (me!.points > standing.points || (me!.points === standing.points && employeeId < standing.employeeId))) {
      placed = true;
      if (!optedInOnly || board.optedIn.has(employeeId)) listed.push(me!);
      if (listed.length >= limit) break;
    }
    if (standing.employeeId === employeeId) continue;
    if (optedInOnly && !board.optedIn.has(standing.employeeId)) continue;
    listed.push(standing);
  }
  if (!placed && listed.length < limit && (!optedInOnly || board.optedIn.has(employeeId))) listed.push(me!);

  const people = await profiles(db, [...new Set([...listed.map((row) => row.employeeId), ...(me === null ? [] : [employeeId])])]);
  const entries = listed.flatMap((row) => {
    const entry = toEntry(people, row.employeeId, row.points, rankOf(row.points, row.employeeId));
    return entry === null ? [] : [entry];
  });
  const meEntry =
    me === null
      ? null
      : (entries.find((entry) => entry.employeeId === employeeId) ?? toEntry(people, employeeId, me.points, rankOf(me.points, employeeId)));
  return { entries, me: meEntry, participants: list.length - (staleInList ? 1 : 0) + (me === null ? 0 : 1), anonymous: optedInOnly };
}
