import type { Preferences, PreferencesInput } from '@advocacy-kit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { gamificationDb } from '../gamification/tables.js';

/** Both on until the employee opts out. */
export const DEFAULT_PREFERENCES: Preferences = { digest: true, nudges: true };

export async function getPreferences(db: Kysely<Database>, employeeId: string): Promise<Preferences> {
  const row = await gamificationDb(db)
    .selectFrom('employee_preferences')
    .selectAll()
    .where('employee_id', '=', employeeId)
    .executeTakeFirst();
  return row === undefined ? { ...DEFAULT_PREFERENCES } : { digest: Number(row.digest) === 1, nudges: Number(row.nudges) === 1 };
}

export async function updatePreferences(
  db: Kysely<Database>,
  employeeId: string,
  input: PreferencesInput,
  at: string,
): Promise<Preferences> {
  const next = { ...(await getPreferences(db, employeeId)), ...input };
  const values = { employee_id: employeeId, digest: next.digest ? 1 : 0, nudges: next.nudges ? 1 : 0, updated_at: at };
  await gamificationDb(db)
    .insertInto('employee_preferences')
    .values(values)
    .onConflict((oc) => oc.column('employee_id').doUpdateSet({ digest: values.digest, nudges: values.nudges, updated_at: at }))
    .execute();
  return next;
}
