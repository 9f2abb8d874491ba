import type { Check } from '../check.js';
import { adminChecks } from './admin.js';
import { contestChecks } from './contests.js';
import { deliveryChecks } from './delivery.js';
import { pointRulesChecks } from './point-rules.js';
import { conversionChecks } from './conversions.js';
import { errorChecks } from './errors.js';
import { eventChecks } from './events.js';
import { feedChecks } from './feed.js';
import { identityChecks } from './identity.js';
import { isolationChecks } from './isolation.js';
import { leaderboardChecks } from './leaderboard.js';
import { paginationChecks } from './pagination.js';
import { peopleChecks } from './people.js';
import { pilotChecks } from './pilots.js';
import { pointsChecks } from './points.js';
import { policyChecks } from './policy.js';
import { scimChecks } from './scim.js';
import { selfServiceChecks } from './self-service.js';
import { privacyChecks } from './privacy.js';
import { rewardChecks } from './rewards.js';
import { rewardIdempotencyChecks } from './reward-idempotency.js';
import { searchChecks } from './search.js';
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
  ...scimChecks,
  ...eventChecks,
  ...errorChecks,
  ...isolationChecks,
  ...peopleChecks,
  ...policyChecks,
  ...pilotChecks,
  ...privacyChecks,
  ...rewardChecks,
  ...rewardIdempotencyChecks,
  ...contestChecks,
  ...deliveryChecks,
  ...searchChecks,
  ...selfServiceChecks,
  ...pointRulesChecks,
];
