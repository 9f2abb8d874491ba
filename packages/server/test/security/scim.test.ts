import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig, resolveConfig } from '../../src/config.js';
import { scimDb } from '../../src/scim/tables.js';
import { forEachDatabase } from '../support/databases.js';
import { API, API_KEY, json, signToken, startHarness, type Harness } from '../support/harness.js';
import { scimRequest, USER } from '../support/scim.js';

forEachDatabase('security: SCIM is opened by a SCIM token only', (open) => {
  let h: Harness;
  let admin: string;
  let employee: string;

  before(async () => {
    h = await startHarness(await open());
    admin = await signToken('emp-ada', { admin: true });
    employee = await signToken('emp-ann');
  });
  after(() => h.close());

  const createToken = async () => json(await h.request('POST', `${API}/admin/scim-token`, { token: admin }), 201);

  it('answers 401 to everyone while no SCIM token exists, on every SCIM path', async () => {
    for (const path of ['/Users', '/Groups', '/ServiceProviderConfig', '/Users/emp-ann', '/nothing-here']) {
      for (const token of [null, 'scim_guess', admin, API_KEY]) {
        const response = await scimRequest(h, 'GET', path, undefined, token);
        assert.equal(response.status, 401, `${path} with ${token === null ? 'no token' : 'a token'}`);
        const body = await response.json();
        assert.deepEqual(body.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
        assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="SCIM"');
      }
    }
  });

  it('lets only admins create, list and revoke tokens', async () => {
    await json(await h.request('POST', `${API}/admin/scim-token`, { token: employee }), 403);
    await json(await h.request('GET', `${API}/admin/scim-token`, { token: employee }), 403);
    await json(await h.request('POST', `${API}/admin/scim-token`), 401);
  });

  describe('with a token created by an admin', () => {
    let token: string;
    let tokenId: string;

    before(async () => {
      const created = await createToken();
      token = created.token;
      tokenId = created.id;
    });

    it('shows the token once: the list and the database never hold it', async () => {
      assert.match(token, /^scim_[A-Za-z0-9_-]{43}$/);
      const settings = await json(await h.request('GET', `${API}/admin/scim-token`, { token: admin }), 200);
      assert.equal(settings.baseUrl, 'https://go.example.test/scim/v2');
      assert.deepEqual(
        settings.tokens.map((entry: { id: string }) => entry.id),
        [tokenId],
      );
      assert.ok(!JSON.stringify(settings).includes(token));
      const rows = await scimDb(h.advocacy.services.db).selectFrom('scim_tokens').selectAll().execute();
      assert.ok(!JSON.stringify(rows).includes(token));
      const entries = await h.advocacy.services.db.selectFrom('audit_log').selectAll().where('target_id', '=', tokenId).execute();
      assert.deepEqual(
        entries.map((entry) => [entry.action, entry.actor_kind, entry.actor_id]),
        [['scim_token.create', 'admin', 'emp-ada']],
      );
      assert.ok(!JSON.stringify(entries).includes(token));
    });

    it('opens SCIM with it, and records when it was last used', async () => {
      await json(await scimRequest(h, 'GET', '/Users', undefined, token), 200);
      const settings = await json(await h.request('GET', `${API}/admin/scim-token`, { token: admin }), 200);
      assert.ok(settings.tokens[0].lastUsedAt);
    });

    it('refuses no token, a wrong one, an employee or admin token, and the API key with 401', async () => {
      const wrong = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
      for (const candidate of [null, wrong, employee, admin, API_KEY, 'x'.repeat(10_000)]) {
        const response = await scimRequest(h, 'GET', '/Users', undefined, candidate);
        assert.equal(response.status, 401);
      }
      const withApiKey = await h.request('GET', '/scim/v2/Users', { headers: { 'x-api-key': API_KEY } });
      assert.equal(withApiKey.status, 401);
    });

    it('keeps SQL out of filters: quotes and keywords are compared as text', async () => {
      for (const filter of [
        'userName eq "x\\" or 1=1 --"',
        "userName eq \"a' OR '1'='1\"",
        'userName eq "\\u0027; drop table employees; --"',
        'externalId eq "%"',
      ]) {
        const list = await json(await scimRequest(h, 'GET', `/Users?filter=${encodeURIComponent(filter)}`, undefined, token), 200);
        assert.equal(list.totalResults, 0, filter);
      }
      for (const filter of [
        'userName eq "a" or 1 eq 1',
        'userName eq "a" ; drop',
        `userName eq "${'a'.repeat(2000)}"`,
        'userName eq "unterminated',
      ]) {
        const problem = await json(await scimRequest(h, 'GET', `/Users?filter=${encodeURIComponent(filter)}`, undefined, token), 400);
        assert.equal(problem.scimType, 'invalidFilter', filter);
      }
      const employees = await h.advocacy.services.db.selectFrom('employees').select('id').execute();
      assert.ok(employees.length >= 3);
    });

    it('caps huge count values and refuses ones that are not integers', async () => {
      for (let index = 0; index < 3; index += 1) {
        await json(
          await scimRequest(h, 'POST', '/Users', { schemas: [USER], userName: `bulk${index}`, externalId: `bulk-${index}` }, token),
          201,
        );
      }
      const list = await json(await scimRequest(h, 'GET', '/Users?count=99999999999&startIndex=-5', undefined, token), 200);
      assert.equal(list.startIndex, 1);
      assert.ok(list.itemsPerPage <= 200);
      const beyond = await json(await scimRequest(h, 'GET', '/Users?startIndex=999999999999', undefined, token), 200);
      assert.deepEqual(beyond.Resources, []);
      for (const count of ['1e309', 'NaN', '12abc', '9'.repeat(400)]) {
        const problem = await json(await scimRequest(h, 'GET', `/Users?count=${count}`, undefined, token), 400);
        assert.equal(problem.scimType, 'invalidValue', count);
      }
    });

    it('cannot make an admin: an id in the body is ignored, roles are ignored, the role comes from the sign-in token', async () => {
      const mallory = await json(
        await scimRequest(
          h,
          'POST',
          '/Users',
          { schemas: [USER], id: 'emp-ada', userName: 'mallory', externalId: 'mallory', roles: [{ value: 'admin', primary: true }] },
          token,
        ),
        201,
      );
      assert.equal(mallory.id, 'mallory');
      const me = await json(await h.request('GET', `${API}/me`, { token: await signToken('mallory') }), 200);
      assert.equal(me.role, 'employee');
      await json(await h.request('GET', `${API}/admin/scim-token`, { token: await signToken('mallory') }), 403);
      const ada = await scimDb(h.advocacy.services.db)
        .selectFrom('employees')
        .selectAll()
        .where('id', '=', 'emp-ada')
        .executeTakeFirstOrThrow();
      assert.equal(ada.display_name, 'Ada');
      assert.equal(ada.user_name, null);
    });

    it("provisions an existing admin's own row without changing their role, and no second User can claim it", async () => {
      const ada = await json(
        await scimRequest(
          h,
          'POST',
          '/Users',
          { schemas: [USER], userName: 'ada@example.com', externalId: 'emp-ada', displayName: 'Ada L.' },
          token,
        ),
        201,
      );
      assert.equal(ada.id, 'emp-ada');
      const me = await json(await h.request('GET', `${API}/me`, { token: admin }), 200);
      assert.equal(me.role, 'admin');
      assert.equal(me.displayName, 'Ada L.');
      const asEmployee = await json(await h.request('GET', `${API}/me`, { token: await signToken('emp-ada') }), 200);
      assert.equal(asEmployee.role, 'employee');
      const problem = await json(
        await scimRequest(h, 'POST', '/Users', { schemas: [USER], userName: 'mallory2', externalId: 'emp-ada' }, token),
        409,
      );
      assert.equal(problem.scimType, 'uniqueness');
    });

    it('refuses a revoked token with 401', async () => {
      const second = await createToken();
      const response = await h.request('DELETE', `${API}/admin/scim-token/${tokenId}`, { token: admin });
      assert.equal(response.status, 204);
      assert.equal((await scimRequest(h, 'GET', '/Users', undefined, token)).status, 401);
      assert.equal((await scimRequest(h, 'GET', '/Users', undefined, second.token)).status, 200);
      await json(await h.request('DELETE', `${API}/admin/scim-token/${tokenId}`, { token: admin }), 404);
      const entries = await h.advocacy.services.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', tokenId)
        .orderBy('at')
        .execute();
      assert.deepEqual(
        entries.map((entry) => entry.action),
        ['scim_token.create', 'scim_token.revoke'],
      );
    });

    it('keeps at most five tokens active', async () => {
      const settings = await json(await h.request('GET', `${API}/admin/scim-token`, { token: admin }), 200);
      for (let index = settings.tokens.length; index < 5; index += 1) await createToken();
      await json(await h.request('POST', `${API}/admin/scim-token`, { token: admin }), 409);
    });
  });
});

describe('security: SCIM settings', () => {
  const auth = { AUTH_JWT_SECRET: 'test-secret-with-enough-entropy-0123456789' };
  it('refuse a SCIM_TOKEN shorter than 32 characters, without quoting it, and an unknown SCIM_EMPLOYEE_ID', () => {
    assert.throws(
      () => resolveConfig({ auth: { jwtSecret: auth.AUTH_JWT_SECRET }, scim: { token: 'short-token-123' } }),
      (error: Error) => /at least 32/.test(error.message) && !error.message.includes('short-token-123'),
    );
    assert.throws(() => loadConfig({ ...auth, SCIM_TOKEN: 'x'.repeat(31) }), /at least 32/);
    assert.throws(() => loadConfig({ ...auth, SCIM_EMPLOYEE_ID: 'email' }), /externalId or userName/);
    assert.equal(loadConfig({ ...auth, SCIM_TOKEN: 'y'.repeat(32), SCIM_EMPLOYEE_ID: 'userName' }).scim.employeeId, 'userName');
  });
});

forEachDatabase('security: SCIM_TOKEN from the environment', (open) => {
  it('opens SCIM, and a token that is only its prefix does not', async () => {
    const envToken = 'env-scim-token-0123456789abcdefghijklmnop';
    const h = await startHarness(await open(), { scim: { token: envToken } });
    try {
      assert.equal((await scimRequest(h, 'GET', '/Users', undefined, envToken)).status, 200);
      assert.equal((await scimRequest(h, 'GET', '/Users', undefined, envToken.slice(0, 32))).status, 401);
      const settings = await json(
        await h.request('GET', `${API}/admin/scim-token`, { token: await signToken('emp-ada', { admin: true }) }),
        200,
      );
      assert.equal(settings.envToken, true);
      assert.ok(!JSON.stringify(settings).includes(envToken));
    } finally {
      await h.close();
    }
  });
});

forEachDatabase('security: SCIM is rate limited', (open) => {
  it('answers 429 with Retry-After in the SCIM error schema once a client address has used its burst, wrong token or right', async () => {
    const token = 'env-scim-token-0123456789abcdefghijklmnop';
    const h = await startHarness(await open(), { scim: { token, rateLimit: { burst: 3, perSecond: 0.01 } } });
    try {
      const from = (address: string, bearer: string) =>
        h.request('GET', '/scim/v2/Users', { token: bearer, headers: { 'x-forwarded-for': address } });
      for (let index = 0; index < 3; index += 1) assert.equal((await from('198.51.100.1', `wrong-${index}`)).status, 401);
      const limited = await from('198.51.100.1', token);
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      const body = await limited.json();
      assert.deepEqual(body.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
      assert.equal(body.status, '429');
      assert.equal((await from('198.51.100.2', token)).status, 200);
      const unknown = await json(
        await h.request('GET', '/scim/v2/Nothing', { token, headers: { 'x-forwarded-for': '198.51.100.3' } }),
        404,
      );
      assert.deepEqual(unknown.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
    } finally {
      await h.close();
    }
  });
});
