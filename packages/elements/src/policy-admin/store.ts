import { createPolicyAdmin, type PolicyAdminController } from '@advocacy-kit/core/admin';
import { perClient } from '../internal/per-client.js';

/** One policy and compliance store per client, shared by `<advocacy-policy-admin>` and `<advocacy-compliance-admin>`. */
export const policyAdminOf = perClient((client): PolicyAdminController => createPolicyAdmin({ backend: client.backend }));

/** The locales an admin edits: English and Japanese first, then any other the data has. */
export const editedLocales = (...texts: Array<Record<string, string> | undefined>): string[] => [
  ...new Set(['en', 'ja', ...texts.flatMap((record) => Object.keys(record ?? {}))]),
];
