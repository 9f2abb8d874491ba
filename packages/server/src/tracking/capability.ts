import type { Capability } from '../capability.js';
import { redirectRoutes } from './redirect.js';

/** Tracked links: the `/r/:code` redirect that counts unique human clicks. */
export const trackingCapability: Capability = {
  name: 'tracking',
  rootRoutes: redirectRoutes,
};
