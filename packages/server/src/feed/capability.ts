import type { Capability } from '../capability.js';
import { feedRoutes } from './routes.js';

/** The posts an employee may share, and one post. */
export const feedCapability: Capability = {
  name: 'feed',
  routes: feedRoutes,
};
