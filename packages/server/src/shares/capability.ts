import type { Capability } from '../capability.js';
import { oneSharePerNetworkMigration } from './migrations/0206_one_share_per_network.js';
import { shareRoutes } from './routes.js';

/** Recording a share (with its tracked link and points); an employee's own shares are in selfservice/. */
export const sharesCapability: Capability = {
  name: 'shares',
  routes: shareRoutes,
  migrations: { '0206_one_share_per_network': oneSharePerNetworkMigration },
};
