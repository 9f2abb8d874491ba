import type { Contest, ContestInput, Employee, LeaderboardEntry } from '../backend/contract.js';
import { isEarning } from '../rules/points.js';
import type { MemoryDb } from './db.js';

/** A contest as stored: the input plus its id and, once ended and read, its frozen standings. */
export interface ContestRow extends Required<Omit<ContestInput, 'team'>> {
  id: string;
  team: string | null;
  final: LeaderboardEntry[] | null;
}

const RECENT_MS = 30 * 86_400_000;
const TOP = 10;

/** Points earned between the contest's start and end by its members, most first; equal points share a rank. */
function standings(db: MemoryDb, contest: ContestRow): LeaderboardEntry[] {
  const from = Date.parse(contest.startsAt);
  const to = Date.parse(contest.endsAt);
  const totals = new Map<string, number>();
  for (const row of db.ledger) {
    const t = Date.parse(row.createdAt);
    if (t < from || t >= to || !isEarning(row.reason)) continue;
    const employee = db.employees.get(row.employeeId);
    if (!employee || db.deactivated.has(employee.id) || (contest.scope === 'team' && employee.team !== contest.team)) continue;
    totals.set(row.employeeId, (totals.get(row.employeeId) ?? 0) + row.delta);
  }
  const sorted = [...totals].filter(([, points]) => points > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  let rank = 0;
  return sorted.map(([employeeId, points], i) => {
    if (i === 0 || points !== sorted[i - 1]![1]) rank = i + 1;
    const e = db.employees.get(employeeId)!;
    return { rank, employeeId, displayName: e.displayName, avatarUrl: e.avatarUrl, team: e.team, teamName: e.teamName, points };
  });
}

/** Contests running now and those ended in the last 30 days, soonest-ending first; ended ones keep their first computed standings. */
export function listContests(db: MemoryDb, me: Employee): Contest[] {
  const now = db.now().getTime();
  return db.contests
    .filter((c) => Date.parse(c.startsAt) <= now && Date.parse(c.endsAt) > now - RECENT_MS)
    .filter((c) => c.scope === 'company' || c.team === me.team)
    .sort((a, b) => Date.parse(a.endsAt) - Date.parse(b.endsAt))
    .map((c) => {
      const ended = Date.parse(c.endsAt) <= now;
      if (ended) c.final ??= standings(db, c);
      const rows = c.final ?? standings(db, c);
      const { final, ...rest } = c;
      return {
        ...rest,
        status: ended ? 'ended' : 'active',
        final: final !== null,
        entries: rows.slice(0, TOP),
        me: rows.find((r) => r.employeeId === me.id) ?? null,
      };
    });
}
