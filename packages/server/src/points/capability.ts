import type { Capability } from '../capability.js';
import { leaderboardDirectoryStampMigration } from './migrations/0420_leaderboard_directory_stamp.js';
import { pointsRoutes } from './routes.js';

/** An employee's stats and points, and the leaderboards. */
export const pointsCapability: Capability = {
  name: 'points',
  routes: pointsRoutes,
  migrations: {
    '0420_leaderboard_directory_stamp': leaderboardDirectoryStampMigration,
  },
};
