import type { Capability } from '../capability.js';
import { peopleMigration } from './migrations/0220_people.js';
import { peopleRoutes } from './routes.js';

/** Topics and teams (create, rename, reorder, archive) and the employee directory, for program admins. */
export const peopleCapability: Capability = {
  name: 'people',
  routes: peopleRoutes,
  migrations: { '0220_people': peopleMigration },
};
