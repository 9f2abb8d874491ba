import type { Capability } from '../capability.js';
import { privacyMigration } from './migrations/0250_privacy.js';
import { privacyRoutes } from './routes.js';

/** The audit log's admin API, personal data export, erasure and click retention (docs/program-privacy.md). */
export const privacyCapability: Capability = {
  name: 'privacy',
  routes: privacyRoutes,
  migrations: { '0250_privacy': privacyMigration },
};
