import type { Capability } from '../capability.js';
import { postSearchMigration } from './migrations/0330_post_search.js';

/** Full-text search over posts (the feed's `q`): the searchable text of each post and its trigram index. */
export const searchCapability: Capability = {
  name: 'search',
  migrations: {
    '0330_post_search': postSearchMigration,
  },
};
