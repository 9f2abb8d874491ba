import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

/** The fields these tests read from JSON answers (topics, teams, employees, entries, field errors). */
interface Row {
  id: string;
  name: string;
  archivedAt: string | null;
  employeeId: string;
  team: string;
  field: string;
  code: string;
  displayName: string;
  email: string | null;
  status: string;
  lastActiveAt: string | null;
}

const HUMAN = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

forEachDatabase('people: topics, teams and the employee directory', (open) => {
  let h: Harness;
  let admin: string;
  let ann: string;
  const audit = async (action: string, targetId: string) =>
    h.advocacy.services.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('target_id', '=', targetId).execute();

  before(async () => {
    h = await startHarness(await open());
    admin = await signToken('emp-ada', { admin: true });
    ann = await signToken('emp-ann');
  });
  after(() => h.close());

  describe('topics', () => {
    it('an admin creates, renames, reorders and archives a topic; employees stop seeing it, posts keep it', async () => {
      const created = await json(
        await h.request('POST', `${API}/admin/topics`, {
          token: admin,
          body: { id: 'sustainability', names: { en: 'Sustainability ', ja: 'サステナビリティ' } },
        }),
        201,
      );
      assert.deepEqual(created.names, { en: 'Sustainability', ja: 'サステナビリティ' });
      assert.equal(created.archivedAt, null);
      assert.ok(created.position >= 0);
      assert.equal((await audit('topic.create', 'sustainability')).length, 1);

      const renamed = await json(
        await h.request('PATCH', `${API}/admin/topics/sustainability`, { token: admin, body: { names: { en: 'Climate' }, position: 0 } }),
        200,
      );
      assert.deepEqual(renamed.names, { en: 'Climate' });
      assert.equal(renamed.position, 0);
      const [rename] = await audit('topic.rename', 'sustainability');
      assert.deepEqual(JSON.parse(rename!.before!).names, { en: 'Sustainability', ja: 'サステナビリティ' });
      assert.deepEqual(JSON.parse(rename!.after!).names, { en: 'Climate' });
      assert.equal(rename!.actor_id, 'emp-ada');
      assert.equal((await audit('topic.reorder', 'sustainability')).length, 1);

      const post = await json(
        await h.request('POST', `${API}/admin/posts`, {
          token: admin,
          headers: { 'idempotency-key': 'people-topic-post' },
          body: {
            kind: 'curated',
            title: 'Climate news',
            summary: 'Climate',
            url: 'https://example.com/climate',
            locale: 'en',
            topics: ['sustainability'],
          },
        }),
        201,
      );
      const employeeTopics = async () =>
        (await json(await h.request('GET', `${API}/topics`, { token: ann }), 200)).items.map((t: Row) => t.id);
      assert.equal((await employeeTopics())[0], 'sustainability', 'position 0 lists first');

      const archived = await json(
        await h.request('PATCH', `${API}/admin/topics/sustainability`, { token: admin, body: { archived: true } }),
        200,
      );
      assert.notEqual(archived.archivedAt, null);
      assert.equal((await employeeTopics()).includes('sustainability'), false);
      const all = await json(await h.request('GET', `${API}/admin/topics`, { token: admin }), 200);
      assert.ok(
        all.items.some((t: Row) => t.id === 'sustainability' && t.archivedAt !== null),
        'admins still see it',
      );
      const kept = await json(await h.request('GET', `${API}/posts/${post.id}`, { token: ann }), 200);
      assert.deepEqual(kept.topics, ['sustainability']);
      assert.equal((await audit('topic.archive', 'sustainability')).length, 1);

      const restored = await json(
        await h.request('PATCH', `${API}/admin/topics/sustainability`, { token: admin, body: { archived: false } }),
        200,
      );
      assert.equal(restored.archivedAt, null);
      assert.equal((await audit('topic.restore', 'sustainability')).length, 1);
    });

    it('a taken id is a 409; an unknown topic a 404; blank names a 422 with field errors', async () => {
      await json(await h.request('POST', `${API}/admin/topics`, { token: admin, body: { id: 't-product', names: { en: 'Again' } } }), 409);
      await json(await h.request('PATCH', `${API}/admin/topics/nope`, { token: admin, body: { position: 1 } }), 404);
      const problem = await json(await h.request('POST', `${API}/admin/topics`, { token: admin, body: { names: { en: '   ' } } }), 422);
      assert.ok(
        problem.errors.some((e: Row) => e.field.startsWith('names')),
        JSON.stringify(problem.errors),
      );
      const none = await json(await h.request('POST', `${API}/admin/topics`, { token: admin, body: { names: {} } }), 422);
      assert.ok(none.errors.some((e: Row) => e.field.startsWith('names')));
    });

    it('without an id, one is made', async () => {
      const created = await json(await h.request('POST', `${API}/admin/topics`, { token: admin, body: { names: { ja: '新製品' } } }), 201);
      assert.match(created.id, /^[a-z0-9][a-z0-9_-]*$/);
    });
  });

  describe('teams', () => {
    it('an admin creates, renames and archives a team; employees see names in their language, archived teams leave the list', async () => {
      const created = await json(
        await h.request('POST', `${API}/admin/teams`, {
          token: admin,
          body: { id: 'team-mkt', names: { en: 'Marketing', ja: 'マーケティング' } },
        }),
        201,
      );
      assert.equal(created.name, 'Marketing');
      const bob = await signToken('emp-bob'); // locale ja
      const teams = await json(await h.request('GET', `${API}/teams`, { token: bob }), 200);
      assert.ok(
        teams.items.some((t: Row) => t.id === 'team-mkt' && t.name === 'マーケティング'),
        JSON.stringify(teams.items),
      );

      const renamed = await json(
        await h.request('PATCH', `${API}/admin/teams/team-mkt`, { token: admin, body: { names: { en: 'Brand' } } }),
        200,
      );
      assert.equal(renamed.name, 'Brand');
      assert.equal((await audit('team.rename', 'team-mkt')).length, 1);

      await json(await h.request('PATCH', `${API}/admin/teams/team-mkt`, { token: admin, body: { archived: true } }), 200);
      const after = await json(await h.request('GET', `${API}/teams`, { token: bob }), 200);
      assert.equal(
        after.items.some((t: Row) => t.id === 'team-mkt'),
        false,
      );
      // No one can be moved into an archived team.
      const problem = await json(
        await h.request('PATCH', `${API}/admin/employees/emp-ann`, { token: admin, body: { team: 'team-mkt' } }),
        422,
      );
      assert.deepEqual(
        problem.errors.map((e: Row) => [e.field, e.code]),
        [['team', 'archived_team']],
      );
    });

    it('existing teams list with their one name as English', async () => {
      const teams = await json(await h.request('GET', `${API}/admin/teams`, { token: admin }), 200);
      const sales = teams.items.find((t: Row) => t.id === 'team-sales');
      assert.deepEqual(sales.names, { en: 'Sales' });
      assert.equal(sales.archivedAt, null);
    });
  });

  describe('directory', () => {
    it('searches name, email and id; filters by team, role, status and language; pages by cursor', async () => {
      await h.request('GET', `${API}/me`, {
        token: await signToken('emp-zed', {
          claims: { name: 'Zed Example', email: 'zed@example.com', team: 'team-sales', locale: 'ja-JP' },
        }),
      });
      const list = async (query: string) =>
        (await json(await h.request('GET', `${API}/admin/employees?${query}`, { token: admin }), 200)) as {
          items: Row[];
          nextCursor: string | null;
        };
      assert.deepEqual(
        (await list('q=ZED@EXAMPLE')).items.map((e) => e.id),
        ['emp-zed'],
      );
      assert.deepEqual(
        (await list('q=bob')).items.map((e) => e.id),
        ['emp-bob'],
      );
      assert.deepEqual(
        (await list('q=emp-an')).items.map((e) => e.id),
        ['emp-ann'],
      );
      assert.deepEqual((await list('q=%25')).items, [], 'a % is a character, not a wildcard');
      assert.ok((await list('team=team-eng')).items.every((e) => e.team === 'team-eng'));
      assert.deepEqual(
        (await list('role=admin')).items.map((e) => e.id),
        ['emp-ada'],
      );
      assert.deepEqual((await list('language=ja')).items.map((e) => e.id).sort(), ['emp-bob', 'emp-zed']);
      const zed = (await list('q=zed')).items[0]!;
      assert.equal(zed.email, 'zed@example.com');
      assert.equal(zed.status, 'active');
      assert.notEqual(zed.lastActiveAt, null);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((e) => e.displayName));
        cursor = page.nextCursor;
      } while (cursor !== null);
      assert.deepEqual(seen, [...seen].sort(), 'by name');
      assert.equal(new Set(seen).size, seen.length, 'no one twice');
      assert.ok(seen.length >= 4);
      await json(await h.request('GET', `${API}/admin/employees?status=gone`, { token: admin }), 400);
    });

    it("an admin changes an employee's team and role, audited; back to the token's role clears the grant", async () => {
      const moved = await json(
        await h.request('PATCH', `${API}/admin/employees/emp-ann`, { token: admin, body: { team: 'team-eng', role: 'admin' } }),
        200,
      );
      assert.equal(moved.team, 'team-eng');
      assert.equal(moved.role, 'admin');
      assert.equal((await audit('employee.team', 'emp-ann')).length, 1);
      assert.equal((await audit('employee.role', 'emp-ann')).length, 1);
      // Ann's token has no team claim and no admin role: the admin's choices stand.
      const me = await json(await h.request('GET', `${API}/me`, { token: ann }), 200);
      assert.equal(me.team, 'team-eng');
      assert.equal(me.role, 'admin');
      const back = await json(
        await h.request('PATCH', `${API}/admin/employees/emp-ann`, { token: admin, body: { team: 'team-sales', role: 'employee' } }),
        200,
      );
      assert.equal(back.role, 'employee');
      const row = await h.advocacy.services.db
        .selectFrom('employees')
        .select('granted_role')
        .where('id', '=', 'emp-ann')
        .executeTakeFirstOrThrow();
      assert.equal(row.granted_role, null);
      assert.equal((await json(await h.request('GET', `${API}/me`, { token: ann }), 200)).role, 'employee');
    });

    it('an unknown team is a 422 on team; an unknown employee a 404', async () => {
      const problem = await json(await h.request('PATCH', `${API}/admin/employees/emp-ann`, { token: admin, body: { team: 'nope' } }), 422);
      assert.deepEqual(
        problem.errors.map((e: Row) => e.code),
        ['unknown_team'],
      );
      await json(await h.request('PATCH', `${API}/admin/employees/nobody`, { token: admin, body: { role: 'admin' } }), 404);
      await json(await h.request('POST', `${API}/admin/employees/nobody/deactivate`, { token: admin }), 404);
    });
  });

  describe('leavers', () => {
    it('a deactivated employee: token refused, off the leaderboards, links redirect, clicks count but earn no points', async () => {
      const bob = await signToken('emp-bob');
      const share = await json(
        await h.request('POST', `${API}/shares`, {
          token: bob,
          headers: { 'idempotency-key': 'leaver-1' },
          body: { postId: 'p-1', network: 'linkedin', commentary: 'Look' },
        }),
        201,
      );
      const board = async () => json(await h.request('GET', `${API}/leaderboard?period=all&scope=company&limit=100`, { token: ann }), 200);
      assert.ok((await board()).entries.some((e: Row) => e.employeeId === 'emp-bob'));
      const points = async () =>
        Number(
          (
            await h.advocacy.services.db
              .selectFrom('points_ledger')
              .select((eb) => eb.fn.sum<string | number>('delta').as('n'))
              .where('employee_id', '=', 'emp-bob')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await points();
      const contest = await json(
        await h.request('POST', `${API}/admin/contests`, {
          token: admin,
          body: {
            title: 'Leavers sprint',
            prize: 'Cake',
            scope: 'company',
            startsAt: new Date(Date.now() - 3_600_000).toISOString(),
            endsAt: new Date(Date.now() + 3_600_000).toISOString(),
          },
        }),
        201,
      );
      const contestants = async () => {
        const list = await json(await h.request('GET', `${API}/contests`, { token: ann }), 200);
        return list.items.find((c: Row) => c.id === contest.id).entries.map((e: Row) => e.employeeId) as string[];
      };
      assert.ok((await contestants()).includes('emp-bob'), 'Bob shared during the contest');

      const deactivated = await json(await h.request('POST', `${API}/admin/employees/emp-bob/deactivate`, { token: admin }), 200);
      assert.equal(deactivated.status, 'deactivated');
      assert.notEqual(deactivated.deactivatedAt, null);
      assert.equal((await audit('employee.deactivate', 'emp-bob')).length, 1);

      const refused = await json(await h.request('GET', `${API}/me`, { token: bob }), 403);
      assert.match(refused.type, /employee_deactivated$/);
      assert.equal(
        (await board()).entries.some((e: Row) => e.employeeId === 'emp-bob'),
        false,
      );
      assert.equal((await contestants()).includes('emp-bob'), false, 'nor in the contest');
      for (const period of ['week', 'month', 'quarter', 'all']) {
        const team = await json(
          await h.request('GET', `${API}/leaderboard?period=${period}&scope=team`, { token: await signToken('emp-ada', { admin: true }) }),
          200,
        );
        assert.equal(
          team.entries.some((e: Row) => e.employeeId === 'emp-bob'),
          false,
          period,
        );
      }

      const visit = await h.request('GET', `/r/${share.trackingCode}`, {
        headers: { 'user-agent': HUMAN, 'x-forwarded-for': '198.51.100.77' },
      });
      assert.equal(visit.status, 302, 'the link keeps redirecting');
      await h.advocacy.flush();
      const clicks = await h.advocacy.services.db.selectFrom('clicks').selectAll().where('share_id', '=', share.id).execute();
      assert.equal(clicks.length, 1, 'the click counts for the post');
      assert.equal(await points(), before, 'but earns the leaver no points');

      const reactivated = await json(await h.request('POST', `${API}/admin/employees/emp-bob/reactivate`, { token: admin }), 200);
      assert.equal(reactivated.status, 'active');
      assert.equal(reactivated.deactivatedAt, null);
      await json(await h.request('GET', `${API}/me`, { token: bob }), 200);
      assert.ok((await board()).entries.some((e: Row) => e.employeeId === 'emp-bob'));
      assert.equal((await audit('employee.reactivate', 'emp-bob')).length, 1);
    });

    it('an admin cannot deactivate themselves (the program could lose its last admin) or change their own role', async () => {
      await json(await h.request('POST', `${API}/admin/employees/emp-ada/deactivate`, { token: admin }), 409);
      await json(await h.request('PATCH', `${API}/admin/employees/emp-ada`, { token: admin, body: { role: 'employee' } }), 409);
      assert.equal((await audit('employee.deactivate', 'emp-ada')).length, 0);
    });
  });
});
