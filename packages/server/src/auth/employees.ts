import type { Employee } from '@advocacy-kit/core';
import type { Db } from '../db/database.js';
import { toEmployee } from '../db/rows.js';
import { nowIso } from '../ids.js';
import type { TokenIdentity } from './tokens.js';

/** An employee and their directory status (`active` or `deactivated`). */
export type EmployeeWithStatus = Employee & { status: string };

export async function findEmployee(db: Db, id: string): Promise<EmployeeWithStatus | null> {
  const row = await db
    .selectFrom('employees')
    .leftJoin('teams', 'teams.id', 'employees.team_id')
    .selectAll('employees')
    .select('teams.name as team_name')
    .where('employees.id', '=', id)
    .executeTakeFirst();
  return row === undefined ? null : { ...toEmployee(row), status: row.status };
}

/**
 * The employee behind a verified token. Someone the directory knows but this database does not
 * is created on first sight from the token's claims (name, team, locale). The role always comes
 * from the token, so revoking admin in the identity provider takes effect at once.
 */
export async function employeeForToken(db: Db, identity: TokenIdentity): Promise<EmployeeWithStatus> {
  const role = identity.admin ? 'admin' : 'employee';
  let employee = await findEmployee(db, identity.employeeId);
  if (employee === null) {
    const team = identity.team ?? 'unassigned';
    await db
      .insertInto('teams')
      .values({ id: team, name: identity.teamName ?? (identity.team === null ? 'Unassigned' : team) })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await db
      .insertInto('employees')
      .values({
        id: identity.employeeId,
        display_name: identity.name ?? identity.employeeId,
        team_id: team,
        role,
        locale: identity.locale ?? 'en',
        time_zone: 'UTC',
        avatar_url: null,
        policy_accepted_at: null,
        created_at: nowIso(),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    employee = await findEmployee(db, identity.employeeId);
    if (employee === null) throw new Error(`Employee ${identity.employeeId} vanished after insert`);
  }
  return { ...employee, role };
}
