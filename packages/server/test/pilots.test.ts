import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoSeed, memoryBackend } from '@advocacy-kit/core/memory';
import { createApp, type AdvocacyApp } from '../src/app.js';
import { resolveConfig } from '../src/config.js';
import { loadSeed } from '../src/seed.js';
import { forEachDatabase, type TestDatabase } from './support/databases.js';
import { API, json, SECRET, signToken, startHarness, type Harness } from './support/harness.js';

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

forEachDatabase('pilots: enrollment, invitations, participation over members, goals', (open) => {
  let h: Harness;
  let admin: string;
  let ann: string;
  const as = (token: string) => ({
    get: async (path: string, status = 200) => json(await h.request('GET', `${API}${path}`, { token }), status),
    send: async (method: string, path: string, body: unknown, status = 200) =>
      json(await h.request(method, `${API}${path}`, { token, body }), status),
  });
  const audit = (action: string) =>
    h.advocacy.services.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').orderBy('id').execute();
  const analytics = () => as(admin).get(`/admin/analytics?from=${day(Date.now() - 30 * DAY)}&to=${day(Date.now())}`);

  before(async () => {
    h = await startHarness(await open());
    admin = await signToken('emp-ada', { admin: true });
    ann = await signToken('emp-ann');
  });
  after(() => h.close());

  describe('open enrollment (the default) keeps everyone who signs in a member', () => {
    it('without any answer, every active employee is joined and counts', async () => {
      assert.deepEqual(await as(admin).get('/admin/program/enrollment'), { enrollment: 'open', updatedAt: null });
      const members = (await as(admin).get('/admin/members')).items;
      assert.deepEqual(
        members.map((m: { employeeId: string; state: string; member: boolean }) => [m.employeeId, m.state, m.member]),
        [
          ['emp-ada', 'joined', true],
          ['emp-ann', 'joined', true],
          ['emp-bob', 'joined', true],
        ],
      );
      assert.equal((await analytics()).employees, 3);
    });

    it('a deactivated employee leaves the participation base and the top advocates, whatever their state', async () => {
      await json(
        await h.request('POST', `${API}/shares`, {
          token: ann,
          headers: { 'idempotency-key': 'ann-active' },
          body: { postId: 'p-1', network: 'x', commentary: '' },
        }),
        201,
      );
      const before = await analytics();
      assert.ok(before.topAdvocates.some((a: { employeeId: string }) => a.employeeId === 'emp-ann'));
      await h.advocacy.services.db.updateTable('employees').set({ status: 'deactivated' }).where('id', '=', 'emp-ann').execute();
      try {
        const after = await analytics();
        assert.equal(after.employees, before.employees - 1);
        assert.equal(after.activeAdvocates, before.activeAdvocates - 1);
        assert.ok(!after.topAdvocates.some((a: { employeeId: string }) => a.employeeId === 'emp-ann'));
        const [row] = (await as(admin).get('/admin/members?team=team-sales')).items;
        assert.deepEqual([row.employeeId, row.active, row.member], ['emp-ann', false, false]);
        const invited = await as(admin).send('POST', '/admin/invitations', { employeeIds: ['emp-ann'] });
        assert.deepEqual(invited, { invited: [], unchanged: ['emp-ann'] }, 'a deactivated employee is not invited');
      } finally {
        await h.advocacy.services.db.updateTable('employees').set({ status: 'active' }).where('id', '=', 'emp-ann').execute();
      }
    });
  });

  describe('invitation enrollment', () => {
    before(async () => {
      await as(admin).send('PUT', '/admin/program/enrollment', { enrollment: 'invitation' });
    });
    after(async () => {
      await as(admin).send('PUT', '/admin/program/enrollment', { enrollment: 'open' });
    });

    it('counts nobody until people join; "not joined" answers who has not', async () => {
      assert.equal((await analytics()).employees, 0);
      assert.equal((await analytics()).activeAdvocates, 0);
      const notJoined = (await as(admin).get('/admin/members?state=not_joined')).items;
      assert.deepEqual(
        notJoined.map((m: { employeeId: string; state: string }) => [m.employeeId, m.state]),
        [
          ['emp-ada', 'not_invited'],
          ['emp-ann', 'not_invited'],
          ['emp-bob', 'not_invited'],
        ],
      );
    });

    it('a team invitation invites its members now; someone who joins the team later is not invited by it', async () => {
      const result = await as(admin).send('POST', '/admin/invitations', { teams: ['team-eng'] });
      assert.deepEqual(result, { invited: ['emp-ada', 'emp-bob'], unchanged: [] });
      const bob = await signToken('emp-bob');
      const seen = await as(bob).get('/me/membership');
      assert.equal(seen.state, 'invited');
      assert.equal(seen.member, false);
      // A newcomer signs in on the engineering team after the invitation.
      const newcomer = await signToken('emp-new', { claims: { team: 'team-eng', name: 'New Person' } });
      assert.equal((await as(newcomer).get('/me/membership')).state, 'not_invited');
      const invited = (await as(admin).get('/admin/members?state=invited')).items;
      assert.deepEqual(
        invited.map((m: { employeeId: string; invitedVia: string }) => [m.employeeId, m.invitedVia]),
        [
          ['emp-ada', 'team-eng'],
          ['emp-bob', 'team-eng'],
        ],
      );
      // Bob joins, Ada declines: participation counts Bob alone.
      await as(bob).send('POST', '/me/membership', { decision: 'accept' });
      await as(admin).send('POST', '/me/membership', { decision: 'decline' });
      const summary = await analytics();
      assert.equal(summary.employees, 1);
      assert.equal(summary.activeAdvocates, 1, 'Bob shared in the fixture');
      assert.deepEqual(
        summary.topAdvocates.map((a: { employeeId: string }) => a.employeeId),
        ['emp-bob'],
      );
      const inviteEntries = await audit('program.invite');
      assert.deepEqual(inviteEntries.map((e) => [e.actor_kind, e.actor_id, e.target_id]).sort(), [
        ['admin', 'emp-ada', 'emp-ada'],
        ['admin', 'emp-ada', 'emp-bob'],
      ]);
      const accepted = await audit('program.accept');
      assert.deepEqual(
        accepted.map((e) => [e.actor_kind, e.actor_id, JSON.parse(e.before!).state, JSON.parse(e.after!).state]),
        [['employee', 'emp-bob', 'invited', 'joined']],
      );
      assert.equal((await audit('program.decline')).length, 1);
      const settings = await audit('settings.update');
      assert.deepEqual(JSON.parse(settings[0]!.after!).enrollment, 'invitation');
    });
  });

  describe('goals', () => {
    it('progress reads the shares of the range against a linear pace; every change is audited', async () => {
      const now = Date.now();
      const goal = await as(admin).send(
        'POST',
        '/admin/goals',
        { title: ' Ten shares ', metric: 'shares', target: 10, from: day(now - 4 * DAY), to: day(now + 5 * DAY) },
        201,
      );
      assert.equal(goal.title, 'Ten shares');
      assert.deepEqual(
        [goal.progress.elapsedDays, goal.progress.totalDays, goal.progress.expected, goal.progress.series.length],
        [5, 10, 5, 5],
      );
      const before = goal.progress.current;
      await json(
        await h.request('POST', `${API}/shares`, {
          token: ann,
          headers: { 'idempotency-key': 'goal-share' },
          body: { postId: 'p-1', network: 'bluesky', commentary: '' },
        }),
        201,
      );
      const [listed] = (await as(admin).get('/admin/goals')).items;
      assert.equal(listed.progress.current, before + 1);
      const team = await as(admin).send('PATCH', `/admin/goals/${goal.id}`, { team: 'team-eng' });
      assert.equal(team.progress.current, 1, "only Bob's share is the engineering team's, not Ann's two");
      await as(admin).send('PATCH', `/admin/goals/${goal.id}`, { archived: true });
      assert.deepEqual((await as(admin).get('/admin/goals')).items, []);
      assert.equal((await as(admin).get('/admin/goals?archived=true')).items.length, 1);
      assert.equal((await h.request('DELETE', `${API}/admin/goals/${goal.id}`, { token: admin })).status, 204);
      await as(admin).send('PATCH', `/admin/goals/${goal.id}`, { target: 3 }, 404);
      assert.deepEqual(
        [
          ...(await audit('goal.create')),
          ...(await audit('goal.update')),
          ...(await audit('goal.archive')),
          ...(await audit('goal.delete')),
        ].map((e) => [e.action, e.target_id, e.actor_id]),
        [
          ['goal.create', goal.id, 'emp-ada'],
          ['goal.update', goal.id, 'emp-ada'],
          ['goal.archive', goal.id, 'emp-ada'],
          ['goal.delete', goal.id, 'emp-ada'],
        ],
      );
    });

    it('refuses a participation target above 1 and a range that ends before it starts', async () => {
      const today = day(Date.now());
      const problem = await as(admin).send(
        'POST',
        '/admin/goals',
        { title: 'x', metric: 'participation', target: 2, from: today, to: today },
        422,
      );
      assert.equal(problem.errors[0].field, 'target');
      const backwards = await as(admin).send(
        'POST',
        '/admin/goals',
        { title: 'x', metric: 'shares', target: 2, from: today, to: day(Date.now() - DAY) },
        422,
      );
      assert.equal(backwards.errors[0].field, 'to');
    });
  });
});

forEachDatabase('pilots: the demo seed has the same members and goals on both backends', (open) => {
  let database: TestDatabase;
  let advocacy: AdvocacyApp;
  const now = new Date();

  before(async () => {
    database = await open();
    advocacy = await createApp(
      resolveConfig({
        databaseUrl: database.databaseUrl,
        sqliteFile: database.sqliteFile,
        logLevel: 'silent',
        auth: { jwtSecret: SECRET },
      }),
    );
    await loadSeed(advocacy.services.db, demoSeed(now), advocacy.services.config.rules, now);
  });
  after(async () => {
    await advocacy.close();
    await database.drop();
  });

  it('member list, memberships and every goal with its progress match the memory backend', async () => {
    const admin = await signToken('emp-haruka', { admin: true });
    const get = async (path: string, token = admin) =>
      json(await advocacy.app.request(`${API}${path}`, { headers: { authorization: `Bearer ${token}` } }), 200);
    const memory = memoryBackend({ seed: demoSeed(now), employeeId: 'emp-haruka', now: () => now });
    assert.deepEqual(await get('/admin/members?limit=100'), await memory.admin.listMembers!({ limit: 100 }));
    const tom = await get('/me/membership', await signToken('emp-tom'));
    assert.deepEqual(tom, await memory.as('emp-tom').getMyMembership!());
    assert.equal(tom.state, 'invited', 'the demo has someone to accept an invitation');
    const goals = await get('/admin/goals');
    assert.equal(goals.items.length, 3);
    assert.deepEqual(goals.items, await memory.admin.listGoals!());
    assert.ok(
      goals.items.every((g: { progress: { current: number } }) => g.progress.current > 0),
      'every demo goal has progress',
    );
  });
});
