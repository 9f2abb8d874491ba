import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

// Who could abuse the program's membership and goals: an employee acting as an admin, or on
// someone else's invitation, or sharing without being a member.

forEachDatabase('security: program membership and goals', (open) => {
  let h: Harness;
  let ann: string;
  let bob: string;
  let admin: string;
  const today = new Date().toISOString().slice(0, 10);
  const membership = async (token: string) => json(await h.request('GET', `${API}/me/membership`, { token }), 200);
  const share = (token: string, key: string) =>
    h.request('POST', `${API}/shares`, {
      token,
      headers: { 'idempotency-key': key },
      body: { postId: 'p-1', network: 'x', commentary: '' },
    });
  const auditCount = async () =>
    Number(
      (
        await h.advocacy.services.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    bob = await signToken('emp-bob');
    admin = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  it('an employee can neither invite, change the enrollment, read the member list nor touch goals', async () => {
    const before = await auditCount();
    const attempts: Array<[string, string, unknown]> = [
      ['POST', '/admin/invitations', { employeeIds: ['emp-bob'] }],
      ['PUT', '/admin/program/enrollment', { enrollment: 'invitation' }],
      ['GET', '/admin/program/enrollment', undefined],
      ['GET', '/admin/members', undefined],
      ['GET', '/admin/goals', undefined],
      ['POST', '/admin/goals', { title: 'Mine', metric: 'shares', target: 1, from: today, to: today }],
    ];
    for (const [method, path, body] of attempts) {
      const problem = await json(await h.request(method, `${API}${path}`, { token: ann, body }), 403);
      assert.equal(problem.type, 'https://advocacy-kit.dev/problems/forbidden', `${method} ${path}`);
    }
    const goal = await json(
      await h.request('POST', `${API}/admin/goals`, {
        token: admin,
        body: { title: 'Ours', metric: 'shares', target: 5, from: today, to: today },
      }),
      201,
    );
    await json(await h.request('PATCH', `${API}/admin/goals/${goal.id}`, { token: ann, body: { target: 1 } }), 403);
    await json(await h.request('DELETE', `${API}/admin/goals/${goal.id}`, { token: ann }), 403);
    const [kept] = (await json(await h.request('GET', `${API}/admin/goals`, { token: admin }), 200)).items;
    assert.equal(kept.target, 5, 'the goal is unchanged');
    assert.equal(await auditCount(), before + 1, 'only the admin’s goal was recorded');
    assert.equal((await membership(bob)).state, 'joined', 'nobody was invited');
  });

  it("an employee can't answer someone else's invitation: the answer is always the signed-in employee's own", async () => {
    await json(await h.request('PUT', `${API}/admin/program/enrollment`, { token: admin, body: { enrollment: 'invitation' } }), 200);
    try {
      await json(await h.request('POST', `${API}/admin/invitations`, { token: admin, body: { employeeIds: ['emp-bob'] } }), 200);
      for (const body of [
        { decision: 'accept', employeeId: 'emp-bob' },
        { decision: 'accept', employee: 'emp-bob' },
      ]) {
        const problem = await json(await h.request('POST', `${API}/me/membership`, { token: ann, body }), 422);
        assert.equal(problem.type, 'https://advocacy-kit.dev/problems/validation');
      }
      // Ann was never invited: in invitation enrollment she has nothing to answer.
      await json(await h.request('POST', `${API}/me/membership`, { token: ann, body: { decision: 'accept' } }), 404);
      assert.equal((await membership(bob)).state, 'invited', "Bob's invitation is still his to answer");
      assert.equal((await membership(ann)).state, 'not_invited');
    } finally {
      await json(await h.request('PUT', `${API}/admin/program/enrollment`, { token: admin, body: { enrollment: 'open' } }), 200);
    }
  });

  it('invitation enrollment refuses the share of an employee who has not joined with 403 not_a_member, and creates nothing', async () => {
    await json(await h.request('PUT', `${API}/admin/program/enrollment`, { token: admin, body: { enrollment: 'invitation' } }), 200);
    try {
      const sharesBefore = await h.advocacy.services.db.selectFrom('shares').select('id').where('employee_id', '=', 'emp-ann').execute();
      const problem = await json(await share(ann, 'not-a-member-1'), 403);
      assert.equal(problem.type, 'https://advocacy-kit.dev/problems/not_a_member');
      assert.match(problem.detail, /invitation/);
      const sharesAfter = await h.advocacy.services.db.selectFrom('shares').select('id').where('employee_id', '=', 'emp-ann').execute();
      assert.equal(sharesAfter.length, sharesBefore.length, 'no share, no tracking link, no points');
      // Invited but not answered: still no member.
      await json(await h.request('POST', `${API}/admin/invitations`, { token: admin, body: { employeeIds: ['emp-ann'] } }), 200);
      assert.equal((await json(await share(ann, 'not-a-member-2'), 403)).type, 'https://advocacy-kit.dev/problems/not_a_member');
      await json(await h.request('POST', `${API}/me/membership`, { token: ann, body: { decision: 'accept' } }), 200);
      await json(await share(ann, 'not-a-member-3'), 201);
      // Declining again ends the right to share, in open enrollment too.
      await json(await h.request('POST', `${API}/me/membership`, { token: ann, body: { decision: 'decline' } }), 200);
      await json(await h.request('PUT', `${API}/admin/program/enrollment`, { token: admin, body: { enrollment: 'open' } }), 200);
      const refused = await json(
        await h.request('POST', `${API}/shares`, {
          token: ann,
          headers: { 'idempotency-key': 'not-a-member-4' },
          body: { postId: 'p-1', network: 'linkedin', commentary: '' },
        }),
        403,
      );
      assert.equal(refused.type, 'https://advocacy-kit.dev/problems/not_a_member');
    } finally {
      await json(await h.request('PUT', `${API}/admin/program/enrollment`, { token: admin, body: { enrollment: 'open' } }), 200);
      await json(await h.request('POST', `${API}/me/membership`, { token: ann, body: { decision: 'accept' } }), 200);
    }
  });

  it('names in goals and invitations are checked: unknown employees and teams are field errors, not rows', async () => {
    const problem = await json(
      await h.request('POST', `${API}/admin/invitations`, { token: admin, body: { employeeIds: ['emp-nobody'], teams: ['team-nowhere'] } }),
      422,
    );
    assert.deepEqual(
      problem.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      [
        ['employeeIds.0', 'unknown_employee'],
        ['teams.0', 'unknown_team'],
      ],
    );
    const goal = await json(
      await h.request('POST', `${API}/admin/goals`, {
        token: admin,
        body: { title: 'x', metric: 'shares', target: 1, from: today, to: today, team: 'team-nowhere' },
      }),
      422,
    );
    assert.equal(goal.errors[0].code, 'unknown_team');
    // A goal over centuries would make every read compute a point per day: three years at most.
    const endless = await json(
      await h.request('POST', `${API}/admin/goals`, {
        token: admin,
        body: { title: 'x', metric: 'shares', target: 1, from: '2000-01-01', to: '2999-12-31' },
      }),
      422,
    );
    assert.deepEqual([endless.errors[0].field, endless.errors[0].code], ['to', 'out_of_range']);
    const rows = await h.advocacy.services.db.selectFrom('program_members').select('employee_id').execute();
    assert.ok(!rows.some((r) => r.employee_id === 'emp-nobody'));
  });
});
