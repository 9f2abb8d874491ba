import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseApiKeys } from '../../src/auth/api-keys.js';
import { loadConfig, resolveConfig } from '../../src/config.js';
import { forEachDatabase } from '../support/databases.js';
import { API, API_KEYS, json, signToken, startHarness, type Harness } from '../support/harness.js';

// Findings of the security review, each proved by a test that failed before its fix.

forEachDatabase('security: conversions come from the company’s systems', (open) => {
  let h: Harness;
  let ann: string;
  let bob: string;
  let annCode: string;
  let bobCode: string;
  const convert = (body: object, credentials: { key?: string; token?: string }) =>
    h.request('POST', `${API}/conversions`, {
      ...(credentials.token === undefined ? {} : { token: credentials.token }),
      headers: credentials.key === undefined ? {} : { 'x-api-key': credentials.key },
      body,
    });
  const share = async (token: string, key: string) =>
    (
      await json(
        await h.request('POST', `${API}/shares`, {
          token,
          headers: { 'idempotency-key': key },
          body: { postId: 'p-1', network: 'linkedin', commentary: '' },
        }),
        201,
      )
    ).trackingCode as string;
  const points = async (token: string) =>
    (await json(await h.request('GET', `${API}/me/stats?period=all`, { token }), 200)).points as number;
  const conversionsOf = async (token: string) =>
    (await json(await h.request('GET', `${API}/me/stats?period=all`, { token }), 200)).conversions as number;

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    bob = await signToken('emp-bob');
    annCode = await share(ann, 'security-conversions-ann');
    bobCode = await share(bob, 'security-conversions-bob');
  });
  after(() => h.close());

  describe('an employee token is not a way to report one', () => {
    it('is refused with 403, and awards nothing', async () => {
      const pointsBefore = await points(ann);
      const problem = await json(
        await convert({ code: annCode, type: 'deal', value: 900, currency: 'EUR', externalId: 'self-1' }, { token: ann }),
        403,
      );
      assert.equal(problem.type, 'https://advocacy-kit.dev/problems/forbidden');
      assert.match(problem.detail, /X-Api-Key/);
      assert.equal(await points(ann), pointsBefore);
      assert.equal(await conversionsOf(ann), 0);
    });

    it('is accepted from a system with an API key, which names its source', async () => {
      const conversion = await json(
        await convert({ code: annCode, type: 'lead', value: 120, currency: 'EUR', externalId: 'crm-lead-1' }, { key: API_KEYS.crm }),
        201,
      );
      assert.deepEqual([conversion.employeeId, conversion.source, conversion.value, conversion.currency], ['emp-ann', 'crm', 120, 'EUR']);
    });
  });

  describe('its value is bounded and has a currency', () => {
    it('refuses a value above the configured maximum on `value`', async () => {
      const problem = await json(
        await convert({ code: annCode, type: 'deal', value: 1_000_001, currency: 'USD', externalId: 'crm-big-1' }, { key: API_KEYS.crm }),
        422,
      );
      assert.deepEqual(
        problem.errors.map((error: { field: string }) => error.field),
        ['value'],
      );
    });

    it('refuses a value without a currency on `currency`', async () => {
      const problem = await json(
        await convert({ code: annCode, type: 'deal', value: 500, externalId: 'crm-nocur-1' }, { key: API_KEYS.crm }),
        422,
      );
      assert.deepEqual(
        problem.errors.map((error: { field: string }) => error.field),
        ['currency'],
      );
    });
  });

  describe('an external id belongs to the source that reported it', () => {
    it('a pre-claimed id from another source does not block the real one, which credits the real sharer; replays are idempotent', async () => {
      const real = { code: bobCode, type: 'deal', value: 5000, currency: 'EUR', externalId: 'crm-deal-1001' } as const;
      const preclaim = await json(await convert({ ...real, code: annCode, value: 1 }, { key: API_KEYS.shop }), 201);
      const bobBefore = await points(bob);
      const recorded = await json(await convert(real, { key: API_KEYS.crm }), 201);
      assert.deepEqual([recorded.employeeId, recorded.source, recorded.value], ['emp-bob', 'crm', 5000]);
      assert.ok((await points(bob)) > bobBefore, "the sharer's points grow");
      const replay = await json(await convert(real, { key: API_KEYS.crm }), 200);
      assert.equal(replay.id, recorded.id);
      await json(await convert({ ...real, value: 6000 }, { key: API_KEYS.crm }), 409);
      assert.deepEqual([preclaim.employeeId, preclaim.source], ['emp-ann', 'shop'], 'the other source keeps its own record');
    });
  });
});

describe('security: the API keys of the company’s systems', () => {
  const auth = { jwtSecret: 'a-secret-long-enough-for-any-check-0123456789' };
  const long = (label: string) => `${label}-${'k'.repeat(40)}`;

  it('name their source as source=key, and a plain key is the source "default"', () => {
    assert.deepEqual(parseApiKeys(` crm=${long('a')} ,${long('b')}, shop = ${long('c')}==,`), [
      { source: 'crm', key: long('a') },
      { source: 'default', key: long('b') },
      { source: 'shop', key: `${long('c')}==` },
    ]);
    const config = resolveConfig({ auth: { ...auth, apiKeys: parseApiKeys(`crm=${long('a')},${long('b')}`) } });
    assert.deepEqual(
      config.auth.apiKeys.map((key) => key.source),
      ['crm', 'default'],
    );
  });

  it('refuse to start on a short key, a bad source name, or a source or key given twice — without quoting the key', () => {
    const refused = (raw: string, message: RegExp) => {
      assert.throws(
        () => resolveConfig({ auth: { ...auth, apiKeys: parseApiKeys(raw) } }),
        (error: Error) => {
          assert.match(error.message, message);
          assert.match(error.message, /ADVOCACY_API_KEYS entry \d/);
          assert.doesNotMatch(error.message, /kkkk|short-key/);
          return true;
        },
      );
    };
    refused('crm=short-key', /at least 32 printable characters/);
    refused(`CRM Team=${long('a')}`, /source name must be/);
    refused(`=${long('a')}`, /source name must be/);
    refused(`crm=${long('a')},crm=${long('b')}`, /source "crm" has a key already/);
    refused(`${long('a')},${long('b')}`, /source "default" has a key already/);
    refused(`crm=${long('a')},shop=${long('a')}`, /given to another source/);
  });

  it('bound a conversion’s value by a rule the environment can set', () => {
    const env = { AUTH_JWT_SECRET: auth.jwtSecret };
    assert.equal(loadConfig(env).rules.conversions.maxValue, 1_000_000);
    assert.equal(loadConfig({ ...env, CONVERSION_MAX_VALUE: '25000000' }).rules.conversions.maxValue, 25_000_000);
    assert.throws(() => loadConfig({ ...env, CONVERSION_MAX_VALUE: '-1' }), /rules\.conversions\.maxValue must be >= 0/);
  });
});
