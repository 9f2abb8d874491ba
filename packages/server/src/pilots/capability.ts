import type { Capability } from '../capability.js';
import { goalRoutes } from './goals.js';
import { pilotsMigration } from './migrations/0230_pilots.js';
import { pilotRoutes } from './routes.js';

/** Pilots: enrollment, invitations and membership, and the program's goals with their progress. */
export const pilotsCapability: Capability = {
  name: 'pilots',
  routes(api, services) {
    pilotRoutes(api, services);
    goalRoutes(api, services);
  },
  migrations: { '0230_pilots': pilotsMigration },
};
