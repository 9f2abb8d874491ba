import type { Capability } from '../capability.js';
import { deliveryMigration } from './migrations/0310_delivery.js';
import { deliveryRoutes } from './routes.js';
import { unsubscribeRoutes } from './unsubscribe-routes.js';

/** Email, Teams and Slack delivery of digests, reminders and invitations (the dispatcher runs as a service). */
export const deliveryCapability: Capability = {
  name: 'delivery',
  rootRoutes: unsubscribeRoutes,
  routes: deliveryRoutes,
  migrations: { '0310_delivery': deliveryMigration },
};
