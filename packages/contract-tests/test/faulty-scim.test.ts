import { test } from 'node:test';
import type { AdvocacyBackend } from '@advocacy-kit/core/backend';
import { runContractSuite, type ContractTarget } from '../src/index.js';
import { assertCaught } from './expect-report.js';
import { memoryTarget } from './memory-target.js';

/** Lists each SCIM token with its secret, as a careless backend might store and show it. */
function leakingScimTokens(target: ContractTarget): ContractTarget {
  return {
    ...target,
    async admin() {
      const inner = await target.admin();
      const secrets = new Map<string, string>();
      const admin: AdvocacyBackend['admin'] = {
        ...inner.admin,
        async createScimToken() {
          const created = await inner.admin.createScimToken!();
          secrets.set(created.id, created.token);
          return created;
        },
        async getScimSettings() {
          const settings = await inner.admin.getScimSettings!();
          return { ...settings, tokens: settings.tokens.map((token) => ({ ...token, token: secrets.get(token.id) })) };
        },
      };
      return new Proxy(inner, { get: (backend, property) => (property === 'admin' ? admin : Reflect.get(backend, property)) });
    },
  };
}

test('a backend that lists SCIM tokens with their secrets is caught', async () => {
  const report = await runContractSuite(leakingScimTokens(memoryTarget()), { only: ['admin.scim-token-once'] });
  assertCaught(report, 'admin.scim-token-once', 'never shows the token itself');
});
