import type { Capability } from '../capability.js';
import { clickPointVisitorsMigration } from './migrations/0207_click_point_visitors.js';
import { clickRollupsInAppMigration } from './migrations/0400_click_rollups_in_app.js';
import { clicksByCodeMigration } from './migrations/0450_clicks_by_code.js';
import { redirectRoutes } from './redirect.js';

/** Tracked links: the `/r/:code` redirect that counts unique human clicks and awards click points. */
export const trackingCapability: Capability = {
  name: 'tracking',
  rootRoutes: redirectRoutes,
  migrations: {
    '0207_click_point_visitors': clickPointVisitorsMigration,
    '0400_click_rollups_in_app': clickRollupsInAppMigration,
    '0450_clicks_by_code': clicksByCodeMigration,
  },
};
