import type { AdvocacyClient } from '@advocacy-kit/core';
import { createPolicyAdmin, type PolicyAdminController } from '@advocacy-kit/core/admin';

const stores = new WeakMap<AdvocacyClient, PolicyAdminController>();

/** One policy and compliance store per client, shared by `<advocacy-policy-admin>` and `<advocacy-compliance-admin>`. */
export function policyAdminOf(client: AdvocacyClient): PolicyAdminController {
  let store = stores.get(client);
  if (!store) stores.set(client, (store = createPolicyAdmin({ backend: client.backend })));
  return store;
}

/** The locales an admin edits: English and Japanese first, then any other the data has. */
export const editedLocales = (...texts: Array<Record<string, string> | undefined>): string[] => [
  ...new Set(['en', 'ja', ...texts.flatMap((record) => Object.keys(record ?? {}))]),
];
