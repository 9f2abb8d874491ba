import type { Capability } from '../capability.js';
import { adminPostRoutes } from './routes.js';

/** The admin's posts: listing with their results, creating, editing and archiving. */
export const contentCapability: Capability = {
  name: 'content',
  routes: adminPostRoutes,
};
