import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

forEachDatabase('sign-in maps the token claims on every sign-in', (open) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(await open());
  });
  after(() => h.close());

  const row = (id: string) => h.advocacy.services.db.selectFrom('employees').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const me = async (sub: string, claims: Record<string, unknown>) =>
    json(await h.request('GET', `${API}/me`, { token: await signToken(sub, { claims }) }), 200);

  describe('a second sign-in', () => {
    it('takes a changed name, email, team, locale and time zone', async () => {
      await me('emp-claims-a', { name: 'Aiko', email: 'aiko@example.com', team: 'team-sales', locale: 'ja', zoneinfo: 'Asia/Tokyo' });
      const first = await row('emp-claims-a');
      assert.deepEqual(
        [first.display_name, first.email, first.team_id, first.locale, first.time_zone],
        ['Aiko', 'aiko@example.com', 'team-sales', 'ja', 'Asia/Tokyo'],
      );
      const employee = await me('emp-claims-a', {
        name: 'Aiko Sato',
        email: 'aiko.sato@example.com',
        team: 'team-eng',
        locale: 'en-GB',
        zoneinfo: 'Europe/London',
      });
      assert.equal(employee.displayName, 'Aiko Sato');
      assert.equal(employee.team, 'team-eng');
      assert.equal(employee.teamName, 'Engineering');
      assert.equal(employee.locale, 'en-GB');
      assert.equal(employee.timeZone, 'Europe/London');
      const second = await row('emp-claims-a');
      assert.deepEqual(
        [second.display_name, second.email, second.team_id, second.locale, second.time_zone],
        ['Aiko Sato', 'aiko.sato@example.com', 'team-eng', 'en-GB', 'Europe/London'],
      );
      assert.ok(second.updated_at! >= first.updated_at!);
    });

    it('keeps the stored value of a claim the token lacks, and ignores an invalid zone or address', async () => {
      await me('emp-claims-b', { name: 'Ben', email: 'ben@example.com', team: 'team-sales', locale: 'ja', zoneinfo: 'Asia/Tokyo' });
      await me('emp-claims-b', { zoneinfo: 'Mars/Olympus', email: 'not an address' });
      const stored = await row('emp-claims-b');
      assert.deepEqual(
        [stored.display_name, stored.email, stored.team_id, stored.locale, stored.time_zone],
        ['Ben', 'ben@example.com', 'team-sales', 'ja', 'Asia/Tokyo'],
      );
    });

    it('takes preferred_username or upn as the email only when it is an address', async () => {
      await me('emp-claims-c', { preferred_username: 'carol' });
      assert.equal((await row('emp-claims-c')).email, null);
      await me('emp-claims-c', { upn: 'carol@example.com' });
      assert.equal((await row('emp-claims-c')).email, 'carol@example.com');
    });

    it("keeps an admin's team change unless the token carries a team", async () => {
      await me('emp-claims-d', { name: 'Dan' });
      await h.advocacy.services.db.updateTable('employees').set({ team_id: 'team-eng' }).where('id', '=', 'emp-claims-d').execute();
      assert.equal((await me('emp-claims-d', { name: 'Dan' })).team, 'team-eng');
      assert.equal(
        (await me('emp-claims-d', { team: 'team-sales' })).team,
        'team-sales',
        'the identity provider wins when it sends a team',
      );
    });

    it('writes nothing when nothing changed, and last activity at most once an hour', async () => {
      await me('emp-claims-e', { name: 'Eve' });
      const first = await row('emp-claims-e');
      assert.notEqual(first.last_active_at, null);
      await me('emp-claims-e', { name: 'Eve' });
      const second = await row('emp-claims-e');
      assert.equal(second.last_active_at, first.last_active_at);
      assert.equal(second.updated_at, first.updated_at);
      const hourAgo = new Date(Date.now() - 3_600_001).toISOString();
      await h.advocacy.services.db.updateTable('employees').set({ last_active_at: hourAgo }).where('id', '=', 'emp-claims-e').execute();
      // An hour on, the token is not one kept from a moment ago (AUTH_SIGN_IN_CACHE_MS): a new one stands for it.
      await me('emp-claims-e', { name: 'Eve', jti: 'an-hour-later' });
      assert.ok((await row('emp-claims-e')).last_active_at! > hourAgo);
    });

    it('the role still comes from the token', async () => {
      await me('emp-claims-f', {});
      const admin = await json(await h.request('GET', `${API}/me`, { token: await signToken('emp-claims-f', { admin: true }) }), 200);
      assert.equal(admin.role, 'admin');
      assert.equal((await me('emp-claims-f', {})).role, 'employee');
    });
  });
});
