import type { Capability } from '../capability.js';
import { demoAuthRoutes } from './demo-routes.js';

/** Sign-in: the demo employees and their tokens (the routes answer only in demo mode). */
export const authCapability: Capability = {
  name: 'auth',
  routes: demoAuthRoutes,
};
