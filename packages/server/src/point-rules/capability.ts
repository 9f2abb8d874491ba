import type { Capability } from '../capability.js';
import { pointRuleVersionsMigration } from './migrations/0290_point_rule_versions.js';
import { pointRulesRoutes } from './routes.js';

/** The point rules as admin settings: versions effective from a time, over the configured defaults. */
export const pointRulesCapability: Capability = {
  name: 'point-rules',
  routes: pointRulesRoutes,
  migrations: {
    '0290_point_rule_versions': pointRuleVersionsMigration,
  },
};
