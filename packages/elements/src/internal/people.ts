import { createDirectory, createTaxonomyAdmin, type DirectoryController, type TaxonomyController } from '@advocacy-kit/core/admin';
import type { AdminTeam, AdminTopic } from '@advocacy-kit/core';
import { adminOf } from './admin.js';
import { perClient } from './per-client.js';

export interface PeopleStores {
  topics: TaxonomyController<AdminTopic>;
  teams: TaxonomyController<AdminTeam>;
  directory: DirectoryController;
}

/**
 * The people admin stores of a client, created once per client and shared by the components on
 * a page: a team added in `<advocacy-taxonomy-admin>` shows in `<advocacy-directory>`'s pickers,
 * and the employee pickers (topics, teams) reload after every change.
 */
export const peopleOf = perClient((client): PeopleStores => {
  const backend = client.backend;
  return {
    topics: createTaxonomyAdmin({ backend, kind: 'topics', onChanged: () => void client.topics.refresh() }),
    teams: createTaxonomyAdmin({ backend, kind: 'teams', onChanged: () => void adminOf(client).teams.refresh() }),
    directory: createDirectory({ backend }),
  };
});
