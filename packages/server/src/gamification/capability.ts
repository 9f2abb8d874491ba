import type { Capability } from '../capability.js';
import { gamificationMigration } from './migrations/0201_badges_contests_preferences.js';
import { leaderboardSettingsMigration } from './migrations/0280_leaderboard_settings.js';
import { contestCancellationMigration } from './migrations/0281_contest_cancellation.js';
import { contestTranslationsMigration } from './migrations/0301_contest_translations.js';
import { gamificationRoutes } from './routes.js';

/** Badges, contests, the points caps and an employee's preferences. */
export const gamificationCapability: Capability = {
  name: 'gamification',
  routes: gamificationRoutes,
  migrations: {
    '0201_badges_contests_preferences': gamificationMigration,
    '0280_leaderboard_settings': leaderboardSettingsMigration,
    '0281_contest_cancellation': contestCancellationMigration,
    '0301_contest_translations': contestTranslationsMigration,
  },
};
