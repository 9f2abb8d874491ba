import { assert, assertEqual, step } from '../assert.js';
import type { Check } from '../check.js';

export const identityChecks: Check[] = [
  {
    id: 'identity.roles',
    group: 'identity',
    name: 'the targets are two different employees and an admin',
    async run({ me, other, adminMe }) {
      assertEqual(me.role, 'employee', 'the employee target has the employee role');
      assertEqual(other.role, 'employee', 'the other-employee target has the employee role');
      assertEqual(adminMe.role, 'admin', 'the admin target has the admin role');
      assert(me.id !== other.id, 'the employee and the other employee are different people', 'two different ids', me.id);
    },
  },
  {
    id: 'identity.policy',
    group: 'identity',
    name: 'accepting the social-media policy is recorded and idempotent',
    async run({ employee }) {
      const first = await step('accept the policy', () => employee.acceptPolicy());
      assert(first.policyAcceptedAt !== null, 'policyAcceptedAt is set after accepting', 'a timestamp', first.policyAcceptedAt);
      const again = await step('accept the policy again', () => employee.acceptPolicy());
      assertEqual(again.policyAcceptedAt, first.policyAcceptedAt, 'accepting again keeps the first acceptance time');
      const me = await step('read the employee', () => employee.getMe());
      assertEqual(me.policyAcceptedAt, first.policyAcceptedAt, 'getMe reports the acceptance');
    },
  },
];
