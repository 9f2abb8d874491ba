import type { Capability } from '../capability.js';
import { meRoutes } from './routes.js';

/** The signed-in employee, the policy acceptance, and the topics and teams to choose from. */
export const meCapability: Capability = {
  name: 'me',
  routes: meRoutes,
};
