import type { Capability } from '../capability.js';
import { selfServiceMigration } from './migrations/0320_self_service.js';
import { selfServiceRoutes } from './routes.js';

/** An employee's own history: their shares with what each earned, and their points ledger in words. */
export const selfServiceCapability: Capability = {
  name: 'selfservice',
  routes: selfServiceRoutes,
  migrations: { '0320_self_service': selfServiceMigration },
};
