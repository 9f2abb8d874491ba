import type { AdvocacyClient } from '@advocacy-kit/core';
import { createDirectory, createTaxonomyAdmin, type DirectoryController, type TaxonomyController } from '@advocacy-kit/core/admin';
import type { AdminTeam, AdminTopic } from '@advocacy-kit/core';
import { adminOf } from './admin.js';

export interface PeopleStores {
  topics: TaxonomyController<AdminTopic>;
  teams: TaxonomyController<AdminTeam>;
  directory: DirectoryController;
}

const stores = new WeakMap<AdvocacyClient, PeopleStores>();

/**
 * The people admin stores of a client, created once per client and shared by the components on
 * a page: a team added in `<advocacy-taxonomy-admin>` shows in `<advocacy-directory>`'s pickers,
 * and the employee pickers (topics, teams) reload after every change.
 */
export function peopleOf(client: AdvocacyClient): PeopleStores {
  let people = stores.get(client);
  if (!people) {
    const backend = client.backend;
    const teams = createTaxonomyAdmin({
      backend,
      kind: 'teams',
      onChanged: () => void adminOf(client).teams.refresh(),
    });
    people = {
      topics: createTaxonomyAdmin({ backend, kind: 'topics', onChanged: () => void client.topics.refresh() }),
      teams,
      directory: createDirectory({ backend }),
    };
    stores.set(client, people);
  }
  return people;
}
