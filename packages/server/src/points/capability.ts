import type { Capability } from '../capability.js';
import { pointsRoutes } from './routes.js';

/** An employee's stats and points, and the leaderboards. */
export const pointsCapability: Capability = {
  name: 'points',
  routes: pointsRoutes,
};
