import type { Capability } from '../capability.js';
import { curatedSourcesMigration } from './migrations/0331_curated_sources.js';
import { sourceRoutes } from './routes.js';

/** Curated sources: RSS, Atom and JSON feeds fetched on a schedule into a curation queue. */
export const sourcesCapability: Capability = {
  name: 'sources',
  routes: sourceRoutes,
  migrations: {
    '0331_curated_sources': curatedSourcesMigration,
  },
};
