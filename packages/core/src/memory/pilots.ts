import type {
  Employee,
  EnrollmentMode,
  Goal,
  GoalInput,
  GoalPatch,
  InvitationDecision,
  InvitationInput,
  InvitationResult,
  Member,
  MemberQuery,
  MemberState,
  Membership,
  Page,
} from '../backend/contract.js';
import { GOAL_METRICS, MEMBER_FILTERS } from '../contract/enums.js';
import { AdvocacyError } from '../backend/errors.js';
import { GOAL_MAX_DAYS, daysInclusive, goalProgress, utcDay } from '../rules/goals.js';
import type { MemoryDb } from './db.js';
import { FieldErrors, nonEmpty, pageLimit, validationError } from './validate.js';

/** An employee's recorded answer: no row means never invited. */
export interface MemberRow {
  state: 'invited' | 'joined' | 'declined';
  invitedAt: string | null;
  invitedVia: string | null;
  respondedAt: string | null;
}

export interface GoalRow {
  id: string;
  title: string;
  metric: Goal['metric'];
  target: number;
  from: string;
  to: string;
  team: string | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The program's enrollment, invitations and goals in memory (same rules as the reference server's pilots/). */
export class PilotsData {
  enrollment: EnrollmentMode = 'open';
  enrollmentUpdatedAt: string | null = null;
  members = new Map<string, MemberRow>();
  goals = new Map<string, GoalRow>();
}

/**
 * Whether the employee is active. Deactivation keeps the ids of leavers in `db.deactivated` (the
 * people capability's set, read only when the memory backend has it); a seed or a test may also
 * mark an employee `status: 'deactivated'`, as the server's employees table does.
 */
const isActive = (db: MemoryDb, employee: Employee) =>
  !(db as MemoryDb & { deactivated?: ReadonlySet<string> }).deactivated?.has(employee.id) &&
  (employee as Employee & { status?: string }).status !== 'deactivated';

/** The employee's state: their answer, or, without one, joined in open enrollment and not invited otherwise. */
export function stateOf(db: MemoryDb, employeeId: string): MemberState {
  return db.pilots.members.get(employeeId)?.state ?? (db.pilots.enrollment === 'open' ? 'joined' : 'not_invited');
}

/**
 * Whether the employee takes part now (may share, counts in participation and per-employee
 * figures): active, and joined — or, in open enrollment, anyone who has not declined.
 */
export function isMember(db: MemoryDb, employee: Employee): boolean {
  if (!isActive(db, employee)) return false;
  const state = stateOf(db, employee.id);
  return state === 'joined' || (db.pilots.enrollment === 'open' && state === 'invited');
}

/** The members who count now. */
export const countedMembers = (db: MemoryDb): Employee[] => [...db.employees.values()].filter((e) => isMember(db, e));

export function membership(db: MemoryDb, employee: Employee): Membership {
  const row = db.pilots.members.get(employee.id);
  return {
    state: stateOf(db, employee.id),
    enrollment: db.pilots.enrollment,
    member: isMember(db, employee),
    invitedAt: row?.invitedAt ?? null,
    respondedAt: row?.respondedAt ?? null,
  };
}

/** The refusal a share by someone who does not take part gets (403 `not_a_member`). */
export function assertMayShare(db: MemoryDb, employee: Employee): void {
  if (isMember(db, employee)) return;
  throw new AdvocacyError('forbidden', 'Only members of the program can share: accept your invitation first.', { status: 403 });
}

export function respond(db: MemoryDb, employee: Employee, decision: InvitationDecision, now: string): Membership {
  if (decision !== 'accept' && decision !== 'decline') throw validationError('decision', 'must be accept or decline', 'invalid_enum');
  const row = db.pilots.members.get(employee.id);
  if (row === undefined && db.pilots.enrollment === 'invitation') {
    throw new AdvocacyError('not_found', 'There is no invitation to answer.', { status: 404 });
  }
  db.pilots.members.set(employee.id, {
    state: decision === 'accept' ? 'joined' : 'declined',
    invitedAt: row?.invitedAt ?? null,
    invitedVia: row?.invitedVia ?? null,
    respondedAt: now,
  });
  return membership(db, employee);
}

export function toMember(db: MemoryDb, employee: Employee): Member {
  const row = db.pilots.members.get(employee.id);
  return {
    employeeId: employee.id,
    displayName: employee.displayName,
    team: employee.team,
    teamName: employee.teamName,
    active: isActive(db, employee),
    state: stateOf(db, employee.id),
    member: isMember(db, employee),
    invitedAt: row?.invitedAt ?? null,
    invitedVia: row?.invitedVia ?? null,
    respondedAt: row?.respondedAt ?? null,
  };
}

const encodeId = (id: string) => btoa(encodeURIComponent(id));
function decodeId(cursor: string): string {
  try {
    return decodeURIComponent(atob(cursor));
  } catch {
    throw validationError('cursor', 'is not a cursor this backend issued', 'invalid_cursor');
  }
}

/** Employees by id with their state; `not_joined` is invited, declined or never invited. */
export function listMembers(db: MemoryDb, query: MemberQuery = {}): Page<Member> {
  if (query.state != null && !MEMBER_FILTERS.includes(query.state)) {
    throw validationError('state', `must be one of ${MEMBER_FILTERS.join(', ')}`, 'invalid_enum');
  }
  const limit = pageLimit(query.limit);
  const after = query.cursor ? decodeId(query.cursor) : null;
  const rows = [...db.employees.values()]
    .filter((e) => (!query.team || e.team === query.team) && (after === null || e.id > after))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((e) => toMember(db, e))
    .filter((m) => !query.state || (query.state === 'not_joined' ? m.state !== 'joined' : m.state === query.state));
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeId(items.at(-1)!.employeeId) : null };
}

/**
 * Invites the named employees and the current active members of the named teams. Joined members
 * stay joined and those already invited keep their invitation; someone who declined is asked again.
 */
export function invite(db: MemoryDb, input: InvitationInput, now: string): InvitationResult {
  const e = new FieldErrors();
  const employeeIds = input.employeeIds ?? [];
  const teams = input.teams ?? [];
  e.check(employeeIds.length + teams.length > 0, 'employeeIds', 'name at least one employee or team', 'required');
  employeeIds.forEach((id, i) => e.check(db.employees.has(id), `employeeIds.${i}`, `unknown employee "${id}"`, 'unknown_employee'));
  teams.forEach((id, i) =>
    e.check(
      db.teams.some((t) => t.id === id),
      `teams.${i}`,
      `unknown team "${id}"`,
      'unknown_team',
    ),
  );
  e.throwIfAny();
  const targets = new Map<string, string | null>(employeeIds.map((id) => [id, null]));
  for (const team of teams) {
    for (const employee of db.employees.values()) if (employee.team === team && !targets.has(employee.id)) targets.set(employee.id, team);
  }
  const result: InvitationResult = { invited: [], unchanged: [] };
  for (const [id, via] of [...targets].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const employee = db.employees.get(id)!;
    const state = stateOf(db, id);
    if (!isActive(db, employee) || state === 'joined' || state === 'invited') {
      result.unchanged.push(id);
      continue;
    }
    db.pilots.members.set(id, {
      state: 'invited',
      invitedAt: now,
      invitedVia: via,
      respondedAt: db.pilots.members.get(id)?.respondedAt ?? null,
    });
    result.invited.push(id);
  }
  return result;
}

/* ------------------------------------------------------------ goals */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: unknown): value is string =>
  typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) && utcDay(Date.parse(value)) === value;

/** The rules a goal's fields follow, the same on the reference server. */
export function checkGoal(db: MemoryDb, goal: GoalInput): void {
  const e = new FieldErrors();
  e.check(nonEmpty(goal.title) && goal.title.length <= 200, 'title', 'is required (at most 200 characters)', 'required');
  e.check(GOAL_METRICS.includes(goal.metric), 'metric', `must be one of ${GOAL_METRICS.join(', ')}`, 'invalid_enum');
  if (e.check(typeof goal.target === 'number' && goal.target > 0 && goal.target <= 1e9, 'target', 'must be above 0', 'out_of_range')) {
    e.check(
      goal.metric !== 'participation' || goal.target <= 1,
      'target',
      'a participation target is a share of members, at most 1',
      'out_of_range',
    );
  }
  const dates =
    e.check(isDate(goal.from), 'from', 'must be a date (YYYY-MM-DD)', 'invalid_date') &&
    e.check(isDate(goal.to), 'to', 'must be a date (YYYY-MM-DD)', 'invalid_date');
  if (dates && e.check(goal.to >= goal.from, 'to', 'must not be before from', 'out_of_range')) {
    e.check(daysInclusive(goal.from, goal.to) <= GOAL_MAX_DAYS, 'to', `a goal runs at most ${GOAL_MAX_DAYS} days`, 'out_of_range');
  }
  if (goal.team != null)
    e.check(
      db.teams.some((t) => t.id === goal.team),
      'team',
      `unknown team "${goal.team}"`,
      'unknown_team',
    );
  e.throwIfAny();
}

/** A goal with its progress today, from the memory backend's shares, clicks and conversions. */
export function presentGoal(db: MemoryDb, row: GoalRow): Goal {
  const now = db.now();
  const today = utcDay(now);
  const inRange = (iso: string) => {
    const day = iso.slice(0, 10);
    return day >= row.from && day <= row.to && Date.parse(iso) <= now.getTime();
  };
  const onTeam = (employeeId: string) => row.team === null || db.employees.get(employeeId)?.team === row.team;
  const increments = new Map<string, number>();
  const bump = (iso: string, n: number) => increments.set(iso.slice(0, 10), (increments.get(iso.slice(0, 10)) ?? 0) + n);
  let divisor = 1;
  if (row.metric === 'participation') {
    const members = countedMembers(db).filter((m) => onTeam(m.id));
    const ids = new Set(members.map((m) => m.id));
    divisor = members.length;
    const first = new Map<string, string>();
    for (const share of db.shares) {
      if (!ids.has(share.employeeId) || !inRange(share.createdAt)) continue;
      const seen = first.get(share.employeeId);
      if (seen === undefined || share.createdAt < seen) first.set(share.employeeId, share.createdAt);
    }
    for (const at of first.values()) bump(at, 1);
  } else if (row.metric === 'shares') {
    for (const share of db.shares) if (onTeam(share.employeeId) && inRange(share.createdAt)) bump(share.createdAt, 1);
  } else if (row.metric === 'unique_clicks') {
    for (const click of db.clicks) if (onTeam(click.employeeId) && inRange(click.at)) bump(click.at, 1);
  } else {
    for (const conversion of db.conversions.values()) {
      if (onTeam(conversion.employeeId) && inRange(conversion.createdAt))
        bump(conversion.createdAt, row.metric === 'conversions' ? 1 : conversion.value);
    }
  }
  return { ...row, progress: goalProgress(row, today, increments, divisor) };
}

const byStart = (a: GoalRow, b: GoalRow) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.id < b.id ? -1 : 1);

export function listGoals(db: MemoryDb, archived = false): Goal[] {
  return [...db.pilots.goals.values()]
    .filter((goal) => archived || !goal.archived)
    .sort(byStart)
    .map((goal) => presentGoal(db, goal));
}

export function createGoal(db: MemoryDb, input: GoalInput, now: string): Goal {
  checkGoal(db, input);
  const row: GoalRow = {
    id: db.nextId('goal'),
    title: input.title.trim(),
    metric: input.metric,
    target: input.target,
    from: input.from,
    to: input.to,
    team: input.team ?? null,
    archived: false,
    createdAt: now,
    updatedAt: now,
  };
  db.pilots.goals.set(row.id, row);
  return presentGoal(db, row);
}

const goalRow = (db: MemoryDb, id: string): GoalRow => {
  const row = db.pilots.goals.get(id);
  if (!row) throw new AdvocacyError('not_found', `No goal "${id}"`, { status: 404 });
  return row;
};

export function updateGoal(db: MemoryDb, id: string, patch: GoalPatch, now: string): Goal {
  const row = goalRow(db, id);
  const { archived, ...fields } = patch;
  const next = { ...row, ...fields, team: fields.team === undefined ? row.team : fields.team };
  checkGoal(db, next);
  const updated: GoalRow = { ...next, title: next.title.trim(), archived: archived ?? row.archived, updatedAt: now };
  db.pilots.goals.set(id, updated);
  return presentGoal(db, updated);
}

export function deleteGoal(db: MemoryDb, id: string): void {
  goalRow(db, id);
  db.pilots.goals.delete(id);
}
