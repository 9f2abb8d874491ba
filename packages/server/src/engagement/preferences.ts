import { SUPPORTED_LOCALES, type Preferences, type PreferencesInput } from '@advocacy-kit/core';
import { ianaTimeZone } from '@advocacy-kit/core/rules';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { gamificationDb } from '../gamification/tables.js';
import { invalid } from '../http/problem.js';

/** Both on until the employee opts out. */
export const DEFAULT_PREFERENCES: Preferences = { digest: true, nudges: true, showOnLeaderboard: false };

/** The employee's switches: the digest, the reminders, their name on an anonymous leaderboard. */
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

/** What GET /me/preferences answers: the switches, and the employee's language and time zone. */
export async function myPreferences(db: Kysely<Database>, employeeId: string): Promise<Preferences> {
  const switches = await getPreferences(db, employeeId);
  // From sign-in until the employee chooses their own (then sign-in no longer replaces them).
  const employee = await db.selectFrom('employees').select(['locale', 'time_zone']).where('id', '=', employeeId).executeTakeFirst();
  if (employee === undefined) return switches;
  const locale = SUPPORTED_LOCALES.find((supported) => supported === employee.locale.toLowerCase().split('-')[0]);
  return { ...switches, ...(locale === undefined ? {} : { locale }), timeZone: employee.time_zone };
}

/**
 * Changes some preferences. A time zone must name an IANA zone (stored in its canonical
 * spelling); the language is one the kit ships (the schema's enum). Both go on the employee's row
 * and stay there over what sign-in says.
 */
export async function updatePreferences(
  db: Kysely<Database>,
  employeeId: string,
  input: PreferencesInput,
  at: string,
): Promise<Preferences> {
  const timeZone = input.timeZone === undefined ? undefined : ianaTimeZone(input.timeZone);
  if (timeZone === null) {
    throw invalid(422, 'The time zone is not an IANA time zone.', [
      { field: 'timeZone', message: 'must be an IANA time zone, e.g. Asia/Tokyo', code: 'invalid_time_zone' },
    ]);
  }
  const { locale: _locale, timeZone: _timeZone, ...switches } = input;
  await db.transaction().execute(async (trx) => {
    if (Object.keys(switches).length > 0) {
      const next = { ...(await getPreferences(trx, employeeId)), ...switches };
      const values = {
        employee_id: employeeId,
        digest: next.digest ? 1 : 0,
        nudges: next.nudges ? 1 : 0,
        show_on_leaderboard: next.showOnLeaderboard === true ? 1 : 0,
        updated_at: at,
      };
      await gamificationDb(trx)
        .insertInto('employee_preferences')
        .values(values)
        .onConflict((oc) =>
          oc
            .column('employee_id')
            .doUpdateSet({ digest: values.digest, nudges: values.nudges, show_on_leaderboard: values.show_on_leaderboard, updated_at: at }),
        )
        .execute();
    }
    if (input.locale !== undefined || timeZone !== undefined) {
      await trx
        .updateTable('employees')
        .set({
          ...(input.locale === undefined ? {} : { locale: input.locale, locale_chosen: 1 }),
          ...(timeZone === undefined ? {} : { time_zone: timeZone, time_zone_chosen: 1 }),
          updated_at: at,
        })
        .where('id', '=', employeeId)
        .execute();
    }
  });
  return myPreferences(db, employeeId);
}
