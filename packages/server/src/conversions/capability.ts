import type { Capability } from '../capability.js';
import { conversionRoutes } from './routes.js';

/** Conversions reported by a website or CRM with an API key, attributed to the share that led to them. */
export const conversionsCapability: Capability = {
  name: 'conversions',
  routes: conversionRoutes,
};
