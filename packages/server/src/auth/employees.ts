import type { Employee, Role } from '@advocacy-kit/core';
import type { Db } from '../db/database.js';
import { toEmployee, type EmployeeRow } from '../db/rows.js';
import { nowIso } from '../ids.js';
import type { TokenIdentity } from './tokens.js';

/** An employee and their directory status (`active` or `deactivated`). */
export type EmployeeWithStatus = Employee & { status: string };

/** How stale `last_active_at` may get before a request writes it again: at most one write per hour per employee. */
export const LAST_ACTIVE_RESOLUTION_MS = 3600_000;

const employeeRow = (db: Db, id: string) =>
  db
    .selectFrom('employees')
    .leftJoin('teams', 'teams.id', 'employees.team_id')
    .selectAll('employees')
    .select('teams.name as team_name')
    .where('employees.id', '=', id)
    .executeTakeFirst();

export async function findEmployee(db: Db, id: string): Promise<EmployeeWithStatus | null> {
  const row = await employeeRow(db, id);
  return row === undefined ? null : { ...toEmployee(row), role: (row.granted_role ?? row.role) as Role, status: row.status };
}

/** Makes sure a team a token names exists (its id as its name unless the token names it). */
async function ensureTeam(db: Db, identity: TokenIdentity, team: string): Promise<void> {
  const name = identity.teamName ?? (identity.team === null ? 'Unassigned' : team);
  await db
    .insertInto('teams')
    .values({ id: team, name, names: JSON.stringify({ en: name }) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/**
 * The employee behind a verified token. Someone the directory knows but this database does not
 * is created on first sight from the token's claims. On every later sign-in (every request), the
 * claims the token carries (name, email, team, locale, time zone) replace the stored values when
 * they differ (but not a language or time zone the employee chose); a claim the token lacks leaves the stored value alone, so an admin's team change
 * stands unless the identity provider sends a team. Nothing is written when nothing changed,
 * except `last_active_at`, at most once an hour.
 *
 * The token's role is stored too; the role that counts is one a program admin granted in the
 * directory (`granted_role`), else the token's, so revoking admin in the identity provider takes
 * effect at once for everyone the program has not made admin itself.
 */
export async function employeeForToken(db: Db, identity: TokenIdentity): Promise<EmployeeWithStatus> {
  const role = identity.admin ? 'admin' : 'employee';
  const now = nowIso();
  const row = await employeeRow(db, identity.employeeId);
  if (row === undefined) {
    const team = identity.team ?? 'unassigned';
    await ensureTeam(db, identity, team);
    await db
      .insertInto('employees')
      .values({
        id: identity.employeeId,
        display_name: identity.name ?? identity.employeeId,
        team_id: team,
        role,
        locale: identity.locale ?? 'en',
        time_zone: identity.timeZone ?? 'UTC',
        avatar_url: null,
        policy_accepted_at: null,
        created_at: now,
        email: identity.email,
        last_active_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const employee = await findEmployee(db, identity.employeeId);
    if (employee === null) throw new Error(`Employee ${identity.employeeId} vanished after insert`);
    return employee;
  }

  const changed: Partial<Pick<EmployeeRow, 'display_name' | 'email' | 'locale' | 'time_zone' | 'team_id' | 'role'>> = {};
  if (identity.name !== null && identity.name !== row.display_name) changed.display_name = identity.name;
  if (identity.email !== null && identity.email !== row.email) changed.email = identity.email;
  // A language or time zone the employee chose themselves (PUT /me/preferences) stays theirs.
  if (identity.locale !== null && identity.locale !== row.locale && Number(row.locale_chosen) !== 1) changed.locale = identity.locale;
  if (identity.timeZone !== null && identity.timeZone !== row.time_zone && Number(row.time_zone_chosen) !== 1)
    changed.time_zone = identity.timeZone;
  if (identity.team !== null && identity.team !== row.team_id) changed.team_id = identity.team;
  if (role !== row.role) changed.role = role;
  const profileChanged = Object.keys(changed).length > 0;
  const stale = row.last_active_at === null || Date.parse(now) - Date.parse(row.last_active_at) >= LAST_ACTIVE_RESOLUTION_MS;
  if (profileChanged || stale) {
    if (changed.team_id !== undefined) await ensureTeam(db, identity, changed.team_id);
    await db
      .updateTable('employees')
      .set({ ...changed, ...(profileChanged ? { updated_at: now } : {}), ...(stale ? { last_active_at: now } : {}) })
      .where('id', '=', row.id)
      .execute();
  }
  if (changed.team_id !== undefined) {
    const employee = await findEmployee(db, row.id);
    if (employee !== null) return employee;
  }
  const merged = { ...row, ...changed };
  return { ...toEmployee(merged), role: (merged.granted_role ?? merged.role) as Role, status: merged.status };
}
