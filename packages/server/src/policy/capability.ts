import type { Capability } from '../capability.js';
import { policyComplianceMigration } from './migrations/0240_policy_compliance.js';
import { policyRoutes } from './routes.js';

/** The social-media policy (versions, acceptance), blocked terms and disclosures. */
export const policyCapability: Capability = {
  name: 'policy',
  routes: policyRoutes,
  migrations: { '0240_policy_compliance': policyComplianceMigration },
};
