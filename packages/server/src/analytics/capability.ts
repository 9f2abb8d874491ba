import type { Capability } from '../capability.js';
import { exportRoutes } from './export-routes.js';
import { clickDailyMigration } from './migrations/0204_click_daily.js';
import { rollupsMigration } from './migrations/0205_analytics_rollups.js';
import { rollupLockOrderMigration } from './migrations/0460_rollup_lock_order.js';
import { sharePacksMigration } from './migrations/0470_share_packs.js';
import { analyticsCoveringIndexesMigration } from './migrations/0471_analytics_covering_indexes.js';
import { rollupMonthsMigration } from './migrations/0472_rollup_months.js';
import { rollupCoveringIndexesMigration } from './migrations/0473_rollup_covering_indexes.js';
import { analyticsRoutes } from './routes.js';

/** The program's analytics over a window, its CSV exports, and the rollups they read. */
export const analyticsCapability: Capability = {
  name: 'analytics',
  routes(api, services) {
    analyticsRoutes(api, services);
    exportRoutes(api, services);
  },
  migrations: {
    '0204_click_daily': clickDailyMigration,
    '0205_analytics_rollups': rollupsMigration,
    '0460_rollup_lock_order': rollupLockOrderMigration,
    '0470_share_packs': sharePacksMigration,
    '0471_analytics_covering_indexes': analyticsCoveringIndexesMigration,
    '0472_rollup_months': rollupMonthsMigration,
    '0473_rollup_covering_indexes': rollupCoveringIndexesMigration,
  },
};
