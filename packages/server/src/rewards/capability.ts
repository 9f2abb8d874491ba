import type { Capability } from '../capability.js';
import { pointsNotesAndSpendingMigration } from './migrations/0270_points_notes_and_spending.js';
import { rewardsMigration } from './migrations/0271_rewards.js';
import { rewardRequestIdempotencyMigration } from './migrations/0300_reward_request_idempotency.js';
import { rewardRoutes } from './routes.js';

/** The rewards catalogue, employees' requests paid with points, and admins' manual point adjustments. */
export const rewardsCapability: Capability = {
  name: 'rewards',
  routes: rewardRoutes,
  migrations: {
    '0270_points_notes_and_spending': pointsNotesAndSpendingMigration,
    '0271_rewards': rewardsMigration,
    '0300_reward_request_idempotency': rewardRequestIdempotencyMigration,
  },
};
