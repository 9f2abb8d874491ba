import type { Capability } from '../capability.js';
import { conversionSourcesMigration } from './migrations/0208_conversion_sources.js';
import { conversionRoutes } from './routes.js';

/** Conversions reported by the company's systems with their API keys, attributed to the share that led to them. */
export const conversionsCapability: Capability = {
  name: 'conversions',
  routes: conversionRoutes,
  migrations: {
    '0208_conversion_sources': conversionSourcesMigration,
  },
};
