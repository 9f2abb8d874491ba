import type { Capability } from '../capability.js';
import { scimAdminRoutes } from './admin-routes.js';
import { scimMigration } from './migrations/0260_scim.js';
import { scimRootRoutes } from './routes.js';

/** SCIM 2.0 provisioning of employees and teams from the identity provider, and the admin API of its tokens. */
export const scimCapability: Capability = {
  name: 'scim',
  rootRoutes: scimRootRoutes,
  routes: scimAdminRoutes,
  migrations: { '0260_scim': scimMigration },
};
