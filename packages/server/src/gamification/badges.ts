import type { Badge } from '@advocacy-kit/core';
import { badgeStandings, type BadgeRules } from '@advocacy-kit/core/rules';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { gamificationDb } from './tables.js';

/**
 * Stores every badge the employee has now earned (rules of `@advocacy-kit/core/rules`, as core's memory backend) and
 * returns all badges with progress. Run it after the write that may earn one has committed, so
 * concurrent writes each see the others' rows; the primary key (employee, badge) keeps the award
 * single whatever the races. The award time is the moment of the share or conversion that
 * earned it: writes can commit out of time order (an earlier share waiting on a lock), so a racer
 * that saw only the later rows may store a later time, and the evaluation after the last commit,
 * which sees every row, moves it back to the earliest.
 */
export async function awardBadges(
  db: Kysely<Database>,
  employeeId: string,
  rules: BadgeRules,
  held?: Array<{ badge_id: string; awarded_at: string }>,
): Promise<Badge[]> {
  const { standings, earned, fresh } = await storeEarned(db, employeeId, rules, held);
  if (fresh.length > 0) {
    // What is stored now: a concurrent evaluation may have stored an earlier time.
    for (const row of await gamificationDb(db)
      .selectFrom('employee_badges')
      .select(['badge_id', 'awarded_at'])
      .where('employee_id', '=', employeeId)
      .execute()) {
      earned.set(row.badge_id, row.awarded_at);
    }
  }
  // A stored badge stays earned even if its rows were later removed (an admin cleaning spam).
  return standings.map((badge) => ({ ...badge, awardedAt: earned.get(badge.id) ?? null }));
}

/**
 * Stores the badges earned sooner than stored (or not stored yet); the employee's shares and
 * conversions, and the badges held unless given, in one read.
 */
async function storeEarned(
  db: Kysely<Database>,
  employeeId: string,
  rules: BadgeRules,
  held?: Array<{ badge_id: string; awarded_at: string }>,
): Promise<{ standings: Badge[]; earned: Map<string, string>; fresh: Badge[] }> {
  const badges =
    held === undefined ? sql`union all select 'b', badge_id, awarded_at from employee_badges where employee_id = ${employeeId}` : sql``;
  const { rows } = await sql<{ kind: 's' | 'c' | 'b'; badge_id: string | null; at: string }>`
    select 's' as kind, cast(null as text) as badge_id, created_at as at from shares where employee_id = ${employeeId}
    union all
    select 'c', cast(null as text), created_at from conversions where employee_id = ${employeeId}
    ${badges}`.execute(db);
  const times = (kind: 's' | 'c') => rows.filter((row) => row.kind === kind).map((row) => row.at);
  const stored = held ?? rows.filter((row) => row.kind === 'b').map((row) => ({ badge_id: row.badge_id!, awarded_at: row.at }));
  const standings = badgeStandings(times('s'), times('c'), rules);
  const earned = new Map(stored.map((row) => [row.badge_id, row.awarded_at]));
  const fresh = standings.filter((badge) => {
    const stored = earned.get(badge.id);
    return badge.awardedAt !== null && (stored === undefined || badge.awardedAt < stored);
  });
  if (fresh.length > 0) {
    await gamificationDb(db)
      .insertInto('employee_badges')
      .values(fresh.map((badge) => ({ employee_id: employeeId, badge_id: badge.id, awarded_at: badge.awardedAt! })))
      .onConflict((oc) =>
        oc
          .columns(['employee_id', 'badge_id'])
          .doUpdateSet({ awarded_at: (eb) => eb.ref('excluded.awarded_at') })
          .where((eb) => eb('excluded.awarded_at', '<', eb.ref('employee_badges.awarded_at'))),
      )
      .execute();
  }
  return { standings, earned, fresh };
}

/** The badges a share counts toward (first_conversion counts conversions only). */
const SHARE_BADGES = ['first_share', 'ten_shares', 'streak'];

/**
 * `awardBadges` after a share made at `sharedAt`, skipped when it cannot change anything: every
 * badge a share counts toward is already held since no later than `sharedAt`. A later share
 * moves none of them (the first share, the tenth, the share that completed a streak stay where
 * they are), so only an employee still earning one pays for the evaluation (one read more, and
 * the write of what it earned; nobody reads the answer, so the stored badges are not read again).
 */
export async function awardBadgesAfterShare(db: Kysely<Database>, employeeId: string, sharedAt: string, rules: BadgeRules): Promise<void> {
  const held = await gamificationDb(db)
    .selectFrom('employee_badges')
    .select(['badge_id', 'awarded_at'])
    .where('employee_id', '=', employeeId)
    .execute();
  const since = new Map(held.map((row) => [row.badge_id, row.awarded_at]));
  if (SHARE_BADGES.every((id) => (since.get(id) ?? '\uffff') <= sharedAt)) return;
  await storeEarned(db, employeeId, rules, held);
}
