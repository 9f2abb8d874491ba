import { assert, expectError, step } from '../assert.js';
import type { Check } from '../check.js';

/** scim: the admin operations of SCIM provisioning tokens (SCIM itself is its own standard, not this contract). */
export const scimChecks: Check[] = [
  {
    id: 'admin.scim-token-once',
    group: 'admin',
    name: 'a SCIM token is shown once on creation, never listed, revoked on request, and only admins manage them',
    async run(context) {
      const { admin } = context.admin;
      const getScimSettings = admin.getScimSettings?.bind(admin);
      const createScimToken = admin.createScimToken?.bind(admin);
      const revokeScimToken = admin.revokeScimToken?.bind(admin);
      const employee = context.employee.admin;
      if (!getScimSettings || !createScimToken || !revokeScimToken || !employee.getScimSettings || !employee.createScimToken) {
        return context.skip('the backend has no SCIM provisioning tokens (optional methods)');
      }
      await expectError('getScimSettings as an employee', 'forbidden', () => employee.getScimSettings!());
      await expectError('createScimToken as an employee', 'forbidden', () => employee.createScimToken!());
      const created = await step('create a SCIM token', () => createScimToken());
      try {
        assert(
          typeof created.token === 'string' && created.token.length >= 32,
          'the token is shown on creation',
          '≥ 32 characters',
          created.token.length,
        );
        const settings = await step('read the SCIM settings', () => getScimSettings());
        assert(/\/scim\/v2$/.test(settings.baseUrl), 'the settings give the SCIM base URL', '…/scim/v2', settings.baseUrl);
        assert(
          settings.tokens.some((token) => token.id === created.id),
          'the new token is listed',
          created.id,
          settings.tokens.map((token) => token.id),
        );
        assert(!JSON.stringify(settings).includes(created.token), 'the list never shows the token itself', 'no secret', settings.tokens);
      } finally {
        await step('revoke the token', () => revokeScimToken(created.id));
      }
      const after = await step('read the SCIM settings again', () => getScimSettings());
      assert(
        !after.tokens.some((token) => token.id === created.id),
        'a revoked token is no longer listed',
        'absent',
        after.tokens.map((token) => token.id),
      );
      await expectError('revoke the same token again', 'not_found', () => revokeScimToken(created.id));
    },
  },
];
