import type { Capability } from '../capability.js';
import { eventRoutes } from './routes.js';

/** Participation events from the components; the route authenticates itself (sendBeacon can only send the token in the body). */
export const eventsCapability: Capability = {
  name: 'events',
  routes: eventRoutes,
};
