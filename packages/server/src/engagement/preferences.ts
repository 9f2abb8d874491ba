import type { Preferences, PreferencesInput } from '@advocacy-kit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { gamificationDb } from '../gamification/tables.js';

/** Both on until the employee opts out. */
export const DEFAULT_PREFERENCES: Preferences = { digest: true, nudges: true, showOnLeaderboard: false };

export async function getPreferences(db: Kysely<Database>, employeeId: string): Promise<Preferences> {
  const row = await gamificationDb(db)
    .selectFrom('employee_preferences')
    .selectAll()
    .where('employee_id', '=', employeeId)
    .executeTakeFirst();
  return row === undefined
    ? { ...DEFAULT_PREFERENCES }
    : { digest: Number(row.digest) === 1, nudges: Number(row.nudges) === 1, showOnLeaderboard: Number(row.show_on_leaderboard) === 1 };
}

export async function updatePreferences(
  db: Kysely<Database>,
  employeeId: string,
  input: PreferencesInput,
  at: string,
): Promise<Preferences> {
  const next = { ...(await getPreferences(db, employeeId)), ...input };
  const values = {
    employee_id: employeeId,
    digest: next.digest ? 1 : 0,
    nudges: next.nudges ? 1 : 0,
    show_on_leaderboard: next.showOnLeaderboard === true ? 1 : 0,
    updated_at: at,
  };
  await gamificationDb(db)
    .insertInto('employee_preferences')
    .values(values)
    .onConflict((oc) =>
      oc
        .column('employee_id')
        .doUpdateSet({ digest: values.digest, nudges: values.nudges, show_on_leaderboard: values.show_on_leaderboard, updated_at: at }),
    )
    .execute();
  return next;
}
