import type { DemoSeed } from '@advocacy-kit/core/memory';
import type { Db } from '../db/database.js';

/** The seed's rewards catalogue (each kept when already there), as core's memory backend loads it. */
export async function seedRewards(db: Db, seed: DemoSeed): Promise<void> {
  for (const reward of seed.rewards ?? []) {
    await db
      .insertInto('rewards')
      .values({
        id: reward.id,
        name: JSON.stringify(reward.name),
        description: JSON.stringify(reward.description),
        image_url: reward.imageUrl,
        cost: reward.cost,
        stock: reward.stock,
        starts_at: reward.startsAt,
        ends_at: reward.endsAt,
        team_id: reward.team,
        active: reward.active ? 1 : 0,
        created_at: reward.createdAt,
        updated_at: reward.updatedAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}
