import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it, mock } from 'node:test';
import type { AuthConfig } from '../../src/config.js';
import { forEachDatabase, type TestDatabase } from '../support/databases.js';
import { API, json, startHarness, type Harness } from '../support/harness.js';
import { RESOURCE, startOidcIssuer, type OidcIssuer } from '../support/oidc-issuer.js';

// Sign-in against a real OpenID Connect issuer (oidc-provider on 127.0.0.1): its JWKS, its key
// rotation, its client-credentials tokens. End-user tokens are signed with the issuer's own key in
// the shapes Entra ID, Okta and Keycloak issue (driving a browser sign-in adds nothing the server
// sees: it only reads the access token).

const sqlite = (): TestDatabase => ({ name: 'sqlite', databaseUrl: null, sqliteFile: ':memory:', drop: async () => {} });

const provider = (idp: OidcIssuer, auth: Partial<AuthConfig> = {}) => ({
  auth: { jwtSecret: null, jwksUrl: idp.jwksUrl, issuer: idp.issuer, audience: RESOURCE, ...auth },
});

forEachDatabase('security: sign-in with the token shapes of Entra ID, Okta and Keycloak', (open) => {
  let idp: OidcIssuer;
  before(async () => {
    idp = await startOidcIssuer();
  });
  after(() => idp.close());

  const me = (h: Harness, token: string) => h.request('GET', `${API}/me`, { token });
  const analytics = (h: Harness, token: string) => h.request('GET', `${API}/admin/analytics`, { token });

  describe('Entra ID: employee id from oid, app roles, department as team, a delegated scope', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness(
        await open(),
        provider(idp, {
          subjectClaim: 'oid',
          adminRoles: ['Advocacy.Admin'],
          teamClaim: 'department',
          requiredScope: 'Advocacy.Use',
        }),
      );
    });
    after(() => h.close());
    const entra = (claims: Record<string, unknown>) =>
      idp.sign({
        aud: RESOURCE,
        sub: 'pairwise-AbCdEf',
        oid: '7d3c1f52-ann',
        tid: 'tenant-1',
        azp: 'portal-spa-client',
        scp: 'Advocacy.Use User.Read',
        name: 'Ann Entra',
        department: 'Sales',
        ...claims,
      });

    it('a signed-in employee is known by oid, with the department as team', async () => {
      const employee = await json(await me(h, await entra({})), 200);
      assert.equal(employee.id, '7d3c1f52-ann');
      assert.equal(employee.displayName, 'Ann Entra');
      assert.equal(employee.team, 'Sales');
      assert.equal(employee.role, 'employee');
      await json(await analytics(h, await entra({ roles: ['admin'] })), 403);
    });

    it('the app role Advocacy.Admin makes an admin', async () => {
      await json(await analytics(h, await entra({ roles: ['Advocacy.Admin'] })), 200);
    });

    it('an app-only token (idtyp app), even with the admin role, is refused: 401', async () => {
      const appOnly = await idp.sign({
        aud: RESOURCE,
        sub: 'sp-oid',
        oid: 'sp-oid',
        azp: 'reporting-app',
        idtyp: 'app',
        roles: ['Advocacy.Admin'],
      });
      const problem = await json(await analytics(h, appOnly), 401);
      assert.match(problem.detail, /application|signed-in/);
    });

    it('an app-only token without idtyp is refused for lacking the delegated scope', async () => {
      const appOnly = await idp.sign({ aud: RESOURCE, sub: 'sp-oid', oid: 'sp-oid', azp: 'reporting-app', roles: ['Advocacy.Admin'] });
      const problem = await json(await me(h, appOnly), 401);
      assert.match(problem.detail, /Advocacy\.Use/);
    });

    it('an ID token (audience: the client, not the API) is refused', async () => {
      const idToken = await idp.sign({ aud: 'portal-spa-client', sub: 'pairwise-AbCdEf', oid: '7d3c1f52-ann', nonce: 'n-1' });
      const problem = await json(await me(h, idToken), 401);
      assert.match(problem.detail, /aud/);
    });
  });

  describe('Okta: employee id from uid, the "Advocacy Admins" group, scp as an array', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness(
        await open(),
        provider(idp, {
          subjectClaim: 'uid',
          rolesClaim: 'groups',
          adminRoles: ['Advocacy Admins'],
          teamClaim: 'department',
          requiredScope: 'advocacy.use',
        }),
      );
    });
    after(() => h.close());
    const okta = (claims: Record<string, unknown>) =>
      idp.sign({
        aud: RESOURCE,
        sub: 'bo@example.com',
        uid: '00u1okta-bo',
        cid: 'portal-client',
        scp: ['openid', 'advocacy.use'],
        groups: ['Everyone'],
        name: 'Bo Okta',
        locale: 'ja-JP',
        department: 'Engineering',
        ...claims,
      });

    it('a signed-in employee is known by uid, with locale and team', async () => {
      const employee = await json(await me(h, await okta({})), 200);
      assert.equal(employee.id, '00u1okta-bo');
      assert.equal(employee.locale, 'ja-JP');
      assert.equal(employee.team, 'Engineering');
      assert.equal(employee.role, 'employee');
    });

    it('the group "Advocacy Admins" makes an admin', async () => {
      await json(await analytics(h, await okta({ groups: ['Everyone', 'Advocacy Admins'] })), 200);
    });

    it('a client-credentials token (sub = cid) is refused', async () => {
      const machine = await idp.sign({
        aud: RESOURCE,
        sub: 'reporting-client',
        cid: 'reporting-client',
        scp: ['advocacy.use'],
        groups: ['Advocacy Admins'],
      });
      await json(await analytics(h, machine), 401);
    });
  });

  describe('Keycloak: realm and client roles, service accounts', () => {
    let realm: Harness;
    let client: Harness;
    before(async () => {
      realm = await startHarness(await open(), provider(idp, { rolesClaim: 'realm_access.roles', adminRoles: ['advocacy-admin'] }));
      client = await startHarness(await open(), provider(idp, { rolesClaim: 'resource_access.advocacy.roles' }));
    });
    after(async () => {
      await realm.close();
      await client.close();
    });
    const keycloak = (claims: Record<string, unknown>) =>
      idp.sign({
        aud: RESOURCE,
        sub: 'f1e2d3c4-cy',
        azp: 'advocacy-portal',
        preferred_username: 'cy',
        scope: 'openid profile',
        name: 'Cy Keycloak',
        locale: 'de',
        realm_access: { roles: ['offline_access'] },
        resource_access: { account: { roles: ['manage-account'] } },
        ...claims,
      });

    it('an employee signs in by sub', async () => {
      const employee = await json(await me(realm, await keycloak({})), 200);
      assert.equal(employee.id, 'f1e2d3c4-cy');
      assert.equal(employee.locale, 'de');
      assert.equal(employee.role, 'employee');
    });

    it('a realm role (realm_access.roles) makes an admin', async () => {
      await json(await analytics(realm, await keycloak({ realm_access: { roles: ['offline_access', 'advocacy-admin'] } })), 200);
    });

    it('a client role (resource_access.advocacy.roles) makes an admin', async () => {
      await json(await analytics(client, await keycloak({ resource_access: { advocacy: { roles: ['admin'] } } })), 200);
      await json(await analytics(client, await keycloak({ resource_access: { other: { roles: ['admin'] } } })), 403);
    });

    it('a service account token is refused', async () => {
      const machine = await keycloak({
        sub: 'b0b0-sa',
        preferred_username: 'service-account-reporting',
        azp: 'reporting',
        realm_access: { roles: ['advocacy-admin'] },
      });
      await json(await analytics(realm, machine), 401);
    });
  });

  describe("the issuer's own client-credentials token", () => {
    let h: Harness;
    before(async () => {
      h = await startHarness(await open(), provider(idp));
    });
    after(() => h.close());

    it('is refused on /me, /feed and admin routes, even with roles: ["admin"], and creates no employee', async () => {
      idp.machineClaims = { roles: ['admin'] };
      const token = await idp.clientCredentials('advocacy.use');
      for (const path of ['/me', '/feed', '/admin/analytics', '/admin/webhooks']) {
        const problem = await json(await h.request('GET', `${API}${path}`, { token }), 401);
        assert.match(problem.detail, /application|signed-in/, path);
      }
      const row = await h.advocacy.services.db.selectFrom('employees').select('id').where('id', '=', 'reporting-job').executeTakeFirst();
      assert.equal(row, undefined);
    });
  });
});

describe('security: identity provider keys — rotation, outages, refusals logged', () => {
  let idp: OidcIssuer;
  let h: Harness;
  const warnings: { msg: string; fields?: Record<string, unknown> }[] = [];
  const user = (claims: Record<string, unknown> = {}) => idp.sign({ aud: RESOURCE, sub: 'emp-ann', ...claims });
  const me = async (token: string) => h.request('GET', `${API}/me`, { token });

  before(async () => {
    idp = await startOidcIssuer();
    h = await startHarness(sqlite(), provider(idp));
    const logger = h.advocacy.services.logger;
    logger.warn = (msg, fields) => warnings.push({ msg, fields });
  });
  after(async () => {
    mock.timers.reset();
    await h.close();
    await idp.close();
  });

  it('logs why a token is refused and which claim failed, never the token', async () => {
    const token = await user({ aud: 'another-api' });
    await json(await me(token), 401);
    const warning = warnings.at(-1);
    assert.ok(warning, 'a warning was logged');
    assert.equal(warning.fields?.claim, 'aud');
    assert.equal(JSON.stringify(warning).includes(token), false);
    assert.equal(JSON.stringify(warning).includes(token.split('.')[2]!), false);
  });

  it('a token signed with a newly published key is accepted within seconds (no restart)', async () => {
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    await json(await me(await user()), 200);
    await idp.rotate();
    mock.timers.tick(6_000);
    await json(await me(await user()), 200);
  });

  it('the issuer down past the cache age: known keys still verify; an unknown key is 503, not 401', async () => {
    await json(await me(await user()), 200);
    await idp.stop();
    mock.timers.tick(11 * 60_000);
    await json(await me(await user()), 200);
    await idp.rotate();
    const unknownKey = await user();
    mock.timers.tick(6_000);
    const response = await me(unknownKey);
    const problem = await json(response, 503);
    assert.equal(problem.type, 'https://advocacy-kit.dev/problems/identity_provider_unavailable');
    assert.ok(Number(response.headers.get('retry-after')) > 0);
    await idp.start();
    mock.timers.tick(60_000);
    await json(await me(await user()), 200);
  });

  it('a server started while the issuer is down answers 503 with Retry-After, not 401', async () => {
    await idp.stop();
    const down = await startHarness(sqlite(), provider(idp));
    try {
      const response = await down.request('GET', `${API}/me`, { token: await user() });
      await json(response, 503);
      assert.ok(response.headers.get('retry-after'));
    } finally {
      await down.close();
      await idp.start();
    }
  });
});

describe('security: an issuer that accepts connections but never answers', () => {
  let hanging: Server;
  const sockets: Socket[] = [];
  let h: Harness;
  let idp: OidcIssuer;
  before(async () => {
    idp = await startOidcIssuer();
    hanging = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const { port } = hanging.address() as AddressInfo;
    h = await startHarness(sqlite(), {
      auth: { jwtSecret: null, jwksUrl: `http://127.0.0.1:${port}/jwks`, issuer: idp.issuer, audience: RESOURCE },
    });
  });
  after(async () => {
    await h.close();
    for (const socket of sockets) socket.destroy();
    hanging.close();
    await idp.close();
  });

  it('answers 503 within the 2 s fetch timeout, and at once while it keeps failing', async () => {
    const token = await idp.sign({ aud: RESOURCE, sub: 'emp-ann' });
    let started = performance.now();
    await json(await h.request('GET', `${API}/me`, { token }), 503);
    assert.ok(performance.now() - started < 3_000, `first answer after ${Math.round(performance.now() - started)} ms`);
    started = performance.now();
    await json(await h.request('GET', `${API}/me`, { token }), 503);
    assert.ok(performance.now() - started < 500, `second answer after ${Math.round(performance.now() - started)} ms`);
  });
});
