import type { AdminEmployee, EmployeeStatus, Role } from '@advocacy-kit/core';
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

export type DirectoryRow = Selectable<Database['employees']> & { team_name: string | null };

/** The role that counts: one a program admin granted, else the token's at the last sign-in. */
export const effectiveRole = (row: { role: string; granted_role: string | null }): Role => (row.granted_role ?? row.role) as Role;

export function toAdminEmployee(row: DirectoryRow): AdminEmployee {
  return {
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    team: row.team_id,
    teamName: row.team_name ?? row.team_id,
    role: effectiveRole(row),
    locale: row.locale,
    timeZone: row.time_zone,
    status: row.status as EmployeeStatus,
    lastActiveAt: row.last_active_at,
    deactivatedAt: row.deactivated_at,
    createdAt: row.created_at,
  };
}

export const directoryRows = (db: Db) =>
  db.selectFrom('employees').leftJoin('teams', 'teams.id', 'employees.team_id').selectAll('employees').select('teams.name as team_name');

export async function findDirectoryRow(db: Db, id: string): Promise<DirectoryRow | undefined> {
  return directoryRows(db).where('employees.id', '=', id).executeTakeFirst();
}

/** `%` and `_` match themselves in a LIKE pattern (escape `\`). */
export const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
