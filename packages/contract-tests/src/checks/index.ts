import type { Check } from '../check.js';
import { adminChecks } from './admin.js';
import { conversionChecks } from './conversions.js';
import { errorChecks } from './errors.js';
import { eventChecks } from './events.js';
import { feedChecks } from './feed.js';
import { identityChecks } from './identity.js';
import { isolationChecks } from './isolation.js';
import { leaderboardChecks } from './leaderboard.js';
import { paginationChecks } from './pagination.js';
import { pointsChecks } from './points.js';
import { rewardChecks } from './rewards.js';
import { shareChecks } from './share.js';
import { suggestionChecks } from './suggestions.js';

/** Every check, in the order the suite runs them. */
export const CHECKS: readonly Check[] = [
  ...identityChecks,
  ...feedChecks,
  ...paginationChecks,
  ...shareChecks,
  ...pointsChecks,
  ...leaderboardChecks,
  ...suggestionChecks,
  ...conversionChecks,
  ...adminChecks,
  ...eventChecks,
  ...errorChecks,
  ...isolationChecks,
  ...rewardChecks,
];
