import type { Selectable } from 'kysely';
import { recordAudit } from '../audit/audit.js';
import { newId, nowIso } from '../ids.js';
import { shared, type ScimDatabase, type ScimDb, type ScimTrx } from './tables.js';
import type { UserInput } from './user-attributes.js';

export type Trx = ScimTrx;
export type EmployeeRow = Selectable<ScimDatabase['employees']> & { team_name: string | null };

export const UNASSIGNED_TEAM = 'unassigned';
const SCIM = { kind: 'scim' } as const;

export async function employeeRow(db: Trx | ScimDb, id: string): Promise<EmployeeRow | undefined> {
  return db
    .selectFrom('employees')
    .leftJoin('teams', 'teams.id', 'employees.team_id')
    .selectAll('employees')
    .select('teams.name as team_name')
    .where('employees.id', '=', id)
    .executeTakeFirst();
}

/** What the audit log keeps of an employee: the attributes SCIM can change. */
export const employeeSnapshot = (row: EmployeeRow) => ({
  id: row.id,
  userName: row.user_name,
  externalId: row.external_id,
  displayName: row.display_name,
  email: row.email,
  locale: row.locale,
  timeZone: row.time_zone,
  team: row.team_id,
  status: row.status,
});

/** The team an employee without one belongs to (the same as a first sign-in without a team claim). */
export async function unassignedTeam(trx: Trx): Promise<string> {
  await trx
    .insertInto('teams')
    .values({ id: UNASSIGNED_TEAM, name: 'Unassigned' })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return UNASSIGNED_TEAM;
}

/** The team named `department` (case-insensitively), created when there is none. */
export async function teamNamed(trx: Trx, department: string): Promise<string> {
  const found = await trx
    .selectFrom('teams')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', department.toLowerCase()))
    .orderBy('id')
    .executeTakeFirst();
  if (found !== undefined) return found.id;
  const id = newId('team');
  const now = nowIso();
  await trx.insertInto('teams').values({ id, name: department, scim_created_at: now, scim_updated_at: now }).execute();
  await recordAudit(shared(trx), { actor: SCIM, action: 'team.create', target: { kind: 'team', id }, after: { id, name: department } });
  return id;
}

/**
 * The columns of a SCIM User's attributes. The role is never among them: it comes from the
 * sign-in token. Deactivation sets status and deactivated_at, as an admin deactivation does;
 * a token of a deactivated employee then opens nothing (auth/middleware.ts).
 */
export function employeeColumns(input: UserInput, current: { status: string; deactivated_at: string | null } | null, now: string) {
  const wasActive = current === null || current.status === 'active';
  const active = input.active ?? wasActive;
  return {
    user_name: input.userName,
    external_id: input.externalId,
    display_name: input.displayName,
    given_name: input.givenName,
    family_name: input.familyName,
    email: input.email,
    status: active ? 'active' : 'deactivated',
    deactivated_at: active ? null : wasActive ? now : (current?.deactivated_at ?? now),
    updated_at: now,
  };
}

/** The audit action of a change of an employee: deactivate and reactivate are named as such. */
export function employeeAction(before: { status: string } | null, after: { status: string }): string {
  if (before === null) return 'employee.create';
  if (before.status === 'active' && after.status !== 'active') return 'employee.deactivate';
  if (before.status !== 'active' && after.status === 'active') return 'employee.reactivate';
  return 'employee.update';
}

export const scimActor = SCIM;
