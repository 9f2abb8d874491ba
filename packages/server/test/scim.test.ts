import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scimDb } from '../src/scim/tables.js';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';
import { ENTERPRISE, GROUP, PATCH_OP, SCIM_TOKEN, scimRequest, USER } from './support/scim.js';

const ENTRA_OBJECT_ID = '5a4d5f2e-1c3b-4a8e-9f6d-2b7c8e9a0d1f';

forEachDatabase('SCIM 2.0 provisioning', (open) => {
  let h: Harness;
  const scim = (method: string, path: string, body?: unknown) => scimRequest(h, method, path, body);
  const audit = (targetId: string) =>
    h.advocacy.services.db.selectFrom('audit_log').selectAll().where('target_id', '=', targetId).orderBy('at').orderBy('id').execute();

  before(async () => {
    h = await startHarness(await open(), { scim: { token: SCIM_TOKEN } });
  });
  after(() => h.close());

  describe('discovery (RFC 7644 §4)', () => {
    it('describes what is supported', async () => {
      const response = await scim('GET', '/ServiceProviderConfig');
      assert.equal(response.headers.get('content-type'), 'application/scim+json');
      const config = await json(response, 200);
      assert.equal(config.patch.supported, true);
      assert.equal(config.bulk.supported, false);
      assert.equal(config.filter.maxResults, 200);
      const types = await json(await scim('GET', '/ResourceTypes'), 200);
      assert.deepEqual(
        types.Resources.map((type: { endpoint: string }) => type.endpoint),
        ['/Users', '/Groups'],
      );
      const schemas = await json(await scim('GET', '/Schemas'), 200);
      assert.ok(schemas.Resources.some((schema: { id: string }) => schema.id === USER));
    });
  });

  describe('Users, following RFC 7644', () => {
    it('creates a User (§3.3) as an employee whose id is the externalId, with meta and Location', async () => {
      const response = await scim('POST', '/Users', {
        schemas: [USER],
        userName: 'bjensen',
        externalId: 'bjensen',
        name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
      });
      assert.equal(response.headers.get('content-type'), 'application/scim+json');
      const user = await json(response, 201);
      assert.equal(user.id, 'bjensen');
      assert.equal(user.userName, 'bjensen');
      assert.equal(user.displayName, 'Ms. Barbara J Jensen III');
      assert.equal(user.active, true);
      assert.equal(user.meta.resourceType, 'User');
      assert.equal(user.meta.location, 'https://go.example.test/scim/v2/Users/bjensen');
      assert.equal(response.headers.get('location'), user.meta.location);
      assert.ok(user.meta.created && user.meta.lastModified);
      const [entry] = await audit('bjensen');
      assert.equal(entry?.action, 'employee.create');
      assert.equal(entry?.actor_kind, 'scim');
    });

    it('answers 409 uniqueness for a userName taken, whatever its case', async () => {
      const problem = await json(await scim('POST', '/Users', { schemas: [USER], userName: 'BJensen', externalId: 'other-1' }), 409);
      assert.deepEqual(problem.schemas, ['urn:ietf:params:scim:api:messages:2.0:Error']);
      assert.equal(problem.status, '409');
      assert.equal(problem.scimType, 'uniqueness');
    });

    it('finds a User with filter userName eq, externalId eq and id eq (§3.4.2), case-insensitively on userName', async () => {
      for (const filter of ['userName eq "bjensen"', 'userName Eq "BJENSEN"', 'externalId eq "bjensen"', 'id eq "bjensen"']) {
        const list = await json(await scim('GET', `/Users?filter=${encodeURIComponent(filter)}`), 200);
        assert.deepEqual(list.schemas, ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], filter);
        assert.equal(list.totalResults, 1, filter);
        assert.equal(list.Resources[0].id, 'bjensen', filter);
      }
      const none = await json(await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "nobody"')}`), 200);
      assert.equal(none.totalResults, 0);
      assert.deepEqual(none.Resources, []);
    });

    it('refuses filters it does not support with 400 invalidFilter', async () => {
      for (const filter of ['userName co "b"', 'userName eq "a" or userName eq "b"', 'title eq "x"', 'userName eq', '(userName eq "a")']) {
        const problem = await json(await scim('GET', `/Users?filter=${encodeURIComponent(filter)}`), 400);
        assert.equal(problem.scimType, 'invalidFilter', filter);
      }
    });

    it('pages with startIndex and count', async () => {
      await json(await scim('POST', '/Users', { schemas: [USER], userName: 'jsmith', externalId: 'jsmith' }), 201);
      const first = await json(await scim('GET', '/Users?startIndex=1&count=1'), 200);
      const second = await json(await scim('GET', '/Users?startIndex=2&count=1'), 200);
      assert.equal(first.totalResults, 2);
      assert.equal(first.itemsPerPage, 1);
      assert.equal(second.startIndex, 2);
      assert.notEqual(first.Resources[0].id, second.Resources[0].id);
      const counted = await json(await scim('GET', '/Users?count=0'), 200);
      assert.equal(counted.totalResults, 2);
      assert.deepEqual(counted.Resources, []);
    });

    it('modifies a User with PATCH (§3.5.2): add, replace with paths and value filters, remove', async () => {
      const user = await json(
        await scim('PATCH', '/Users/bjensen', {
          schemas: [PATCH_OP],
          Operations: [
            { op: 'add', value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickName: 'Babs' } },
            { op: 'replace', path: 'name.givenName', value: 'Babs' },
            { op: 'replace', path: 'emails[type eq "work"].value', value: 'bjensen@example.com' },
            { op: 'replace', path: 'displayName', value: 'Babs Jensen' },
            { op: 'add', path: 'preferredLanguage', value: 'ja-JP' },
            { op: 'replace', path: 'timezone', value: 'Asia/Tokyo' },
          ],
        }),
        200,
      );
      assert.equal(user.name.givenName, 'Babs');
      assert.equal(user.displayName, 'Babs Jensen');
      assert.deepEqual(user.emails, [{ value: 'bjensen@example.com', type: 'work', primary: true }]);
      assert.equal(user.preferredLanguage, 'ja-JP');
      assert.equal(user.timezone, 'Asia/Tokyo');
      const me = await json(await h.request('GET', `${API}/me`, { token: await signToken('bjensen') }), 200);
      assert.equal(me.displayName, 'Babs Jensen');
      assert.equal(me.locale, 'ja-JP');
      const removed = await json(
        await scim('PATCH', '/Users/bjensen', { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'name.givenName' }] }),
        200,
      );
      assert.equal(removed.name.givenName, undefined);
      assert.equal((await audit('bjensen')).at(-1)?.action, 'employee.update');
    });

    it('refuses a PATCH that would change the employee id, and a remove without a path', async () => {
      const problem = await json(
        await scim('PATCH', '/Users/bjensen', {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'externalId', value: 'someone-else' }],
        }),
        400,
      );
      assert.equal(problem.scimType, 'mutability');
      const noTarget = await json(await scim('PATCH', '/Users/bjensen', { schemas: [PATCH_OP], Operations: [{ op: 'remove' }] }), 400);
      assert.equal(noTarget.scimType, 'noTarget');
    });

    it('replaces a User with PUT', async () => {
      const user = await json(
        await scim('PUT', '/Users/jsmith', {
          schemas: [USER],
          userName: 'jsmith',
          externalId: 'jsmith',
          displayName: 'John Smith',
          emails: [{ value: 'jsmith@example.com', primary: true }],
          active: true,
        }),
        200,
      );
      assert.equal(user.displayName, 'John Smith');
      assert.equal(user.emails[0].value, 'jsmith@example.com');
    });

    it('answers 404 in the error schema for an unknown User', async () => {
      const problem = await json(await scim('GET', '/Users/nobody'), 404);
      assert.equal(problem.status, '404');
      await json(await scim('GET', '/Users/emp-ann'), 404); // signed in, never provisioned
    });
  });

  describe("Microsoft Entra ID's requests", () => {
    let trackingCode: string;
    let token: string;

    it('provisions a user with objectId as externalId; their token (oid) signs in as that employee', async () => {
      const created = await json(
        await scim('POST', '/Users', {
          schemas: [USER, ENTERPRISE],
          externalId: ENTRA_OBJECT_ID,
          userName: 'grace@contoso.example',
          active: true,
          displayName: 'Grace Hopper',
          emails: [{ primary: true, type: 'work', value: 'grace@contoso.example' }],
          name: { formatted: 'Grace Hopper', familyName: 'Hopper', givenName: 'Grace' },
          preferredLanguage: 'en-US',
          [ENTERPRISE]: { department: 'Research' },
        }),
        201,
      );
      assert.equal(created.id, ENTRA_OBJECT_ID);
      assert.equal(created[ENTERPRISE].department, 'Research');
      token = await signToken(ENTRA_OBJECT_ID);
      const me = await json(await h.request('GET', `${API}/me`, { token }), 200);
      assert.equal(me.id, ENTRA_OBJECT_ID);
      assert.equal(me.displayName, 'Grace Hopper');
      assert.equal(me.teamName, 'Research');
      assert.equal(me.role, 'employee');
      trackingCode = (
        await json(
          await h.request('POST', `${API}/shares`, {
            token,
            headers: { 'idempotency-key': 'scim-entra-share' },
            body: { postId: 'p-1', network: 'linkedin', commentary: '' },
          }),
          201,
        )
      ).trackingCode;
    });

    it('updates with op "Replace" (capitalised) and path-less values', async () => {
      const user = await json(
        await scim('PATCH', `/Users/${ENTRA_OBJECT_ID}`, {
          schemas: [PATCH_OP],
          Operations: [
            { op: 'Replace', path: 'displayName', value: 'Rear Admiral Grace Hopper' },
            { op: 'Add', path: `${ENTERPRISE}:department`, value: 'Navy' },
            { op: 'Replace', path: 'emails[type eq "work"].value', value: 'ghopper@contoso.example' },
          ],
        }),
        200,
      );
      assert.equal(user.displayName, 'Rear Admiral Grace Hopper');
      assert.equal(user[ENTERPRISE].department, 'Navy');
      assert.equal(user.emails[0].value, 'ghopper@contoso.example');
    });

    it('deactivates with active "False" (a string): the token is refused with 403, the tracking link still redirects', async () => {
      const user = await json(
        await scim('PATCH', `/Users/${ENTRA_OBJECT_ID}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
        }),
        200,
      );
      assert.equal(user.active, false);
      const problem = await json(await h.request('GET', `${API}/me`, { token }), 403);
      assert.equal(problem.type, 'https://advocacy-kit.dev/problems/employee_deactivated');
      const redirect = await h.request('GET', `/r/${trackingCode}`, {
        headers: { 'user-agent': 'Mozilla/5.0', 'x-forwarded-for': '203.0.113.9' },
      });
      assert.equal(redirect.status, 302);
      const row = await h.advocacy.services.db
        .selectFrom('employees')
        .selectAll()
        .where('id', '=', ENTRA_OBJECT_ID)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'deactivated');
      assert.ok(row.deactivated_at);
      assert.equal((await audit(ENTRA_OBJECT_ID)).at(-1)?.action, 'employee.deactivate');
    });

    it('reactivates with active "True"', async () => {
      await json(
        await scim('PATCH', `/Users/${ENTRA_OBJECT_ID}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Replace', path: 'active', value: 'True' }],
        }),
        200,
      );
      await json(await h.request('GET', `${API}/me`, { token }), 200);
      assert.equal((await audit(ENTRA_OBJECT_ID)).at(-1)?.action, 'employee.reactivate');
    });
  });

  describe("Okta's requests", () => {
    it('keeps the status when a PUT leaves active out', async () => {
      await json(
        await scim('PATCH', '/Users/jsmith', { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] }),
        200,
      );
      const user = await json(await scim('PUT', '/Users/jsmith', { schemas: [USER], userName: 'jsmith', externalId: 'jsmith' }), 200);
      assert.equal(user.active, false);
    });

    it('replaces a User with PUT without externalId (kept), as Okta sends profile updates', async () => {
      const user = await json(
        await scim('PUT', '/Users/jsmith', {
          schemas: [USER],
          id: 'jsmith',
          userName: 'jsmith',
          name: { givenName: 'John', familyName: 'Smith' },
          emails: [{ primary: true, value: 'john.smith@example.com', type: 'work' }],
          displayName: 'John Smith',
          locale: 'en-US',
          active: true,
          groups: [],
        }),
        200,
      );
      assert.equal(user.externalId, 'jsmith');
      assert.equal(user.emails[0].value, 'john.smith@example.com');
      assert.equal(user.locale, 'en-US');
    });

    it("reads a filter sent with '+' for spaces", async () => {
      const list = await json(
        await h.request('GET', '/scim/v2/Users?filter=userName+eq+%22jsmith%22&startIndex=1&count=100', { token: SCIM_TOKEN }),
        200,
      );
      assert.equal(list.totalResults, 1);
    });

    it('deactivates with {"op":"replace","value":{"active":false}}', async () => {
      const user = await json(
        await scim('PATCH', '/Users/jsmith', { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] }),
        200,
      );
      assert.equal(user.active, false);
      await json(await h.request('GET', `${API}/me`, { token: await signToken('jsmith') }), 403);
    });
  });

  describe('Groups are teams', () => {
    let groupId: string;

    it('creates a Group with members: they join the team', async () => {
      const group = await json(
        await scim('POST', '/Groups', {
          schemas: [GROUP],
          displayName: 'Tour Guides',
          externalId: 'grp-1',
          members: [{ value: 'bjensen' }],
        }),
        201,
      );
      groupId = group.id;
      assert.equal(group.meta.resourceType, 'Group');
      assert.deepEqual(
        group.members.map((member: { value: string }) => member.value),
        ['bjensen'],
      );
      const me = await json(await h.request('GET', `${API}/me`, { token: await signToken('bjensen') }), 200);
      assert.equal(me.team, groupId);
      assert.equal(me.teamName, 'Tour Guides');
      await json(await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'tour guides' }), 409);
    });

    it('finds it with displayName eq, and leaves members out when asked', async () => {
      const list = await json(
        await scim('GET', `/Groups?filter=${encodeURIComponent('displayName eq "Tour Guides"')}&excludedAttributes=members`),
        200,
      );
      assert.equal(list.totalResults, 1);
      assert.equal(list.Resources[0].id, groupId);
      assert.equal(list.Resources[0].members, undefined);
      const member = await json(
        await scim('GET', `/Groups?filter=${encodeURIComponent(`id eq "${groupId}" and members[value eq "bjensen"]`)}`),
        200,
      );
      assert.equal(member.totalResults, 1);
    });

    it("adds and removes members with Entra ID's PATCH and Okta's", async () => {
      await json(
        await scim('PATCH', `/Groups/${groupId}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Add', path: 'members', value: [{ value: ENTRA_OBJECT_ID }] }],
        }),
        200,
      );
      let group = await json(await scim('GET', `/Groups/${groupId}`), 200);
      assert.deepEqual(group.members.map((member: { value: string }) => member.value).sort(), [ENTRA_OBJECT_ID, 'bjensen'].sort());
      await json(
        await scim('PATCH', `/Groups/${groupId}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'Remove', path: 'members', value: [{ value: ENTRA_OBJECT_ID }] }],
        }),
        200,
      );
      await json(
        await scim('PATCH', `/Groups/${groupId}`, {
          schemas: [PATCH_OP],
          Operations: [
            { op: 'remove', path: 'members[value eq "bjensen"]' },
            { op: 'replace', value: { id: groupId, displayName: 'Guides' } },
          ],
        }),
        200,
      );
      group = await json(await scim('GET', `/Groups/${groupId}`), 200);
      assert.equal(group.displayName, 'Guides');
      assert.deepEqual(group.members, []);
      const me = await json(await h.request('GET', `${API}/me`, { token: await signToken('bjensen') }), 200);
      assert.equal(me.team, 'unassigned');
      const actions = (await audit(groupId)).map((entry) => entry.action);
      assert.deepEqual(actions, ['team.create', 'team.update', 'team.update', 'team.rename']);
    });

    it('replaces all members with PATCH replace on members (§3.5.2.3)', async () => {
      const group = await json(
        await scim('PATCH', `/Groups/${groupId}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'members', value: [{ value: 'jsmith', display: 'John Smith' }, { value: 'bjensen' }] }],
        }),
        200,
      );
      assert.deepEqual(group.members.map((member: { value: string }) => member.value).sort(), ['bjensen', 'jsmith']);
      const replaced = await json(
        await scim('PATCH', `/Groups/${groupId}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', path: 'members', value: [{ value: 'jsmith' }] }],
        }),
        200,
      );
      assert.deepEqual(
        replaced.members.map((member: { value: string }) => member.value),
        ['jsmith'],
      );
      const me = await json(await h.request('GET', `${API}/me`, { token: await signToken('bjensen') }), 200);
      assert.equal(me.team, 'unassigned');
    });

    it('replaces members with PUT, and DELETE leaves them unassigned', async () => {
      const group = await json(
        await scim('PUT', `/Groups/${groupId}`, { schemas: [GROUP], displayName: 'Guides', members: [{ value: 'bjensen' }] }),
        200,
      );
      assert.equal(group.members.length, 1);
      const response = await scim('DELETE', `/Groups/${groupId}`);
      assert.equal(response.status, 204);
      await json(await scim('GET', `/Groups/${groupId}`), 404);
      const me = await json(await h.request('GET', `${API}/me`, { token: await signToken('bjensen') }), 200);
      assert.equal(me.team, 'unassigned');
    });
  });

  describe('a large Group', () => {
    it('takes 1,200 members in one PUT and lets them all go in the next', async () => {
      const db = scimDb(h.advocacy.services.db);
      const now = new Date().toISOString();
      const ids = Array.from({ length: 1200 }, (_, index) => `bulk-${String(index).padStart(4, '0')}`);
      for (let index = 0; index < ids.length; index += 200) {
        await db
          .insertInto('employees')
          .values(
            ids.slice(index, index + 200).map((id) => ({
              id,
              user_name: id,
              external_id: id,
              display_name: id,
              team_id: 'unassigned',
              role: 'employee',
              locale: 'en',
              time_zone: 'UTC',
              avatar_url: null,
              policy_accepted_at: null,
              created_at: now,
              email: null,
            })),
          )
          .execute();
      }
      const group = await json(await scim('POST', '/Groups', { schemas: [GROUP], displayName: 'Everyone' }), 201);
      const full = await json(
        await scim('PUT', `/Groups/${group.id}`, { schemas: [GROUP], displayName: 'Everyone', members: ids.map((value) => ({ value })) }),
        200,
      );
      assert.equal(full.members.length, 1200);
      const empty = await json(await scim('PUT', `/Groups/${group.id}`, { schemas: [GROUP], displayName: 'Everyone', members: [] }), 200);
      assert.deepEqual(empty.members, []);
      const { count } = await db
        .selectFrom('employees')
        .select((eb) => eb.fn.countAll<string | number>().as('count'))
        .where('team_id', '=', 'unassigned')
        .where('id', 'like', 'bulk-%')
        .executeTakeFirstOrThrow();
      assert.equal(Number(count), 1200);
    });
  });

  describe('deleting a User', () => {
    it('deprovisions them: deactivated, no longer a SCIM resource, their history kept', async () => {
      const response = await scim('DELETE', '/Users/bjensen');
      assert.equal(response.status, 204);
      await json(await scim('GET', '/Users/bjensen'), 404);
      await json(await h.request('GET', `${API}/me`, { token: await signToken('bjensen') }), 403);
      // Provisioned again, the same row comes back.
      const again = await json(await scim('POST', '/Users', { schemas: [USER], userName: 'bjensen', externalId: 'bjensen' }), 201);
      assert.equal(again.id, 'bjensen');
      assert.equal(again.active, true);
    });
  });
});
