import type { DemoSeed } from '@advocacy-kit/core/memory';
import type { BadgeRules } from '@advocacy-kit/core/rules';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { awardBadges } from './badges.js';
import { gamificationDb } from './tables.js';

/**
 * The demo's contests (keyed by their seed ids) and the badges its share history has earned,
 * so a freshly seeded server shows both. Idempotent like the rest of the seed.
 */
export async function seedEngagement(db: Kysely<Database>, seed: DemoSeed, badges: BadgeRules): Promise<void> {
  for (const contest of seed.contests ?? []) {
    await gamificationDb(db)
      .insertInto('contests')
      .values({
        id: contest.id,
        title: contest.title,
        description: contest.description,
        prize: contest.prize,
        scope: contest.scope,
        team_id: contest.team,
        starts_at: contest.startsAt,
        ends_at: contest.endsAt,
        created_at: contest.startsAt,
        finalized_at: null,
        translations: JSON.stringify(contest.translations ?? {}),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  for (const employee of seed.employees) await awardBadges(db, employee.id, badges);
}
