import type { Employee, EnrollmentMode, Member, MemberState, Membership } from '@advocacy-kit/core';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { HttpProblem } from '../http/problem.js';

/**
 * Who takes part in the program. An employee's state is their recorded answer (`program_members`)
 * or, without one, `joined` in open enrollment and `not_invited` in invitation enrollment. A
 * member (may share, counts in participation and the per-employee figures) is an active
 * employee who joined, or, in open enrollment, anyone who has not declined.
 */

export type MemberRow = Database['program_members'];

/** The enrollment mode in SQL: `open` until an admin sets it. */
const ENROLLMENT_SQL = sql`coalesce((select enrollment from program_enrollment where id = 'program'), 'open')`;

/**
 * SQL true when the employee (alias `e`) with their member row (alias `m`, left joined) is a
 * member now. The enrollment mode is read by an uncorrelated subquery, evaluated once.
 */
export const isMemberSql = (e = 'e', m = 'm'): RawBuilder<boolean> => {
  const [employee, member] = [sql.ref(`${e}.status`), sql.ref(`${m}.state`)];
  return sql<boolean>`(${employee} = 'active' and (${member} = 'joined' or ((${member} is null or ${member} = 'invited') and ${ENROLLMENT_SQL} = 'open')))`;
};

export async function enrollmentOf(db: Db): Promise<{ enrollment: EnrollmentMode; updatedAt: string | null }> {
  const row = await db.selectFrom('program_enrollment').selectAll().where('id', '=', 'program').executeTakeFirst();
  return { enrollment: (row?.enrollment as EnrollmentMode | undefined) ?? 'open', updatedAt: row?.updated_at ?? null };
}

export const stateOf = (row: Pick<MemberRow, 'state'> | undefined | null, enrollment: EnrollmentMode): MemberState =>
  (row?.state as MemberState | undefined) ?? (enrollment === 'open' ? 'joined' : 'not_invited');

export const isMember = (active: boolean, state: MemberState, enrollment: EnrollmentMode): boolean =>
  active && (state === 'joined' || (enrollment === 'open' && state === 'invited'));

/** The signed-in (hence active) employee's place in the program, in one read. */
export async function membershipOf(db: Db, employeeId: string): Promise<Membership> {
  const { rows } = await sql<{ enrollment: EnrollmentMode; state: string | null; invited_at: string | null; responded_at: string | null }>`
    select ${ENROLLMENT_SQL} as "enrollment", m.state, m.invited_at, m.responded_at
    from (select 1 as one) x left join program_members m on m.employee_id = ${employeeId}`.execute(db);
  const row = rows[0]!;
  const state = stateOf(row.state === null ? null : { state: row.state }, row.enrollment);
  return {
    state,
    enrollment: row.enrollment,
    member: isMember(true, state, row.enrollment),
    invitedAt: row.invited_at,
    respondedAt: row.responded_at,
  };
}

/**
 * Refuses a share by someone who does not take part (403 `not_a_member`): in invitation
 * enrollment anyone who has not accepted an invitation; in any mode someone who declined.
 */
export async function assertMayShare(db: Db, employee: Employee): Promise<void> {
  const membership = await membershipOf(db, employee.id);
  if (membership.member) return;
  throw new HttpProblem(
    403,
    'not_a_member',
    membership.state === 'declined'
      ? 'You declined the invitation to the advocacy program: accept it to share.'
      : membership.state === 'invited'
        ? 'Accept your invitation to the advocacy program to share.'
        : 'The advocacy program is by invitation: ask a program admin to invite you.',
  );
}

/** A member-list row: the employee, their team's name and their member row. */
export interface MemberListRow {
  id: string;
  display_name: string;
  team_id: string;
  team_name: string | null;
  status: string;
  state: string | null;
  invited_at: string | null;
  invited_via: string | null;
  responded_at: string | null;
}

export function toMember(row: MemberListRow, enrollment: EnrollmentMode): Member {
  const state = stateOf(row.state === null ? null : { state: row.state }, enrollment);
  const active = row.status === 'active';
  return {
    employeeId: row.id,
    displayName: row.display_name,
    team: row.team_id,
    teamName: row.team_name ?? row.team_id,
    active,
    state,
    member: isMember(active, state, enrollment),
    invitedAt: row.invited_at,
    invitedVia: row.invited_via,
    respondedAt: row.responded_at,
  };
}
