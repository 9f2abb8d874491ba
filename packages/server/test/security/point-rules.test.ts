import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

forEachDatabase('security: only admins change the point rules, within bounds, and never their history', (open) => {
  let h: Harness;
  let ann: string; // employee
  let ada: string; // admin

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    ada = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  const versions = async () => (await json(await h.request('GET', `${API}/admin/points/rules`, { token: ada }), 200)).items;
  const auditActions = async () =>
    (await json(await h.request('GET', `${API}/admin/audit?action=points_rules.`, { token: ada }), 200)).items.map(
      (entry: { action: string }) => entry.action,
    );

  it('refuses an employee every point-rules administration (403), and nothing changes', async () => {
    const scheduled = await json(
      await h.request('POST', `${API}/admin/points/rules`, {
        token: ada,
        body: { rules: { points: { share: 12 } }, effectiveFrom: new Date(Date.now() + 86_400_000).toISOString() },
      }),
      201,
    );
    const attempts: Array<[string, string, object | undefined]> = [
      ['GET', '/admin/points/rules', undefined],
      ['POST', '/admin/points/rules', { rules: { points: { click: 1000 } } }],
      ['PATCH', `/admin/points/rules/${scheduled.id}`, { rules: { points: { share: 1000 } } }],
      ['DELETE', `/admin/points/rules/${scheduled.id}`, undefined],
    ];
    for (const [method, path, body] of attempts) {
      const problem = await json(await h.request(method, `${API}${path}`, { token: ann, ...(body === undefined ? {} : { body }) }), 403);
      assert.equal(problem.type, 'https://advocacy-kit.dev/problems/forbidden');
    }
    const items = await versions();
    assert.deepEqual(
      items.map((v: { id: string; rules: unknown }) => [v.id, v.rules]),
      [[scheduled.id, { points: { share: 12 } }]],
    );
    assert.deepEqual(await auditActions(), ['points_rules.create']);
    // Employees may read the values in effect, nothing more.
    assert.equal((await json(await h.request('GET', `${API}/points/values`, { token: ann }), 200)).points.share, 10);
  });

  it('refuses negative, fractional, oversized and unknown values with field errors, and stores nothing', async () => {
    const before = (await versions()).length;
    const cases: Array<[object, string]> = [
      [{ points: { share: -1 } }, 'rules.points.share'],
      [{ points: { click: 1.5 } }, 'rules.points.click'],
      [{ points: { clickDailyCapPerPost: 10_000_000 } }, 'rules.points.clickDailyCapPerPost'],
      [{ networkWeights: { copy: -0.5 } }, 'rules.networkWeights.copy'],
      [{ networkWeights: { linkedin: 1000 } }, 'rules.networkWeights.linkedin'],
      [{ networkWeights: { myspace: 1 } }, 'rules.networkWeights.myspace'],
      [{ points: { bonus: 5 } }, 'rules.points.bonus'],
      [{ badges: { tenShares: 1 } }, 'rules.badges'],
    ];
    for (const [rules, field] of cases) {
      const problem = await json(await h.request('POST', `${API}/admin/points/rules`, { token: ada, body: { rules } }), 422);
      assert.equal(problem.type, 'https://advocacy-kit.dev/problems/validation');
      assert.ok(
        problem.errors.some((error: { field: string }) => error.field === field),
        `${JSON.stringify(rules)} names ${field}: ${JSON.stringify(problem.errors)}`,
      );
    }
    assert.equal((await versions()).length, before);
  });

  it('refuses to edit or delete a version that took effect (409), and it stays as it was', async () => {
    const current = await json(
      await h.request('POST', `${API}/admin/points/rules`, { token: ada, body: { rules: { points: { share: 11 } } } }),
      201,
    );
    assert.equal(current.status, 'current');
    await json(
      await h.request('PATCH', `${API}/admin/points/rules/${current.id}`, { token: ada, body: { rules: { points: { share: 99 } } } }),
      409,
    );
    await json(
      await h.request('PATCH', `${API}/admin/points/rules/${current.id}`, {
        token: ada,
        body: { effectiveFrom: new Date(Date.now() + 86_400_000).toISOString() },
      }),
      409,
    );
    await json(await h.request('DELETE', `${API}/admin/points/rules/${current.id}`, { token: ada }), 409);
    const kept = (await versions()).find((v: { id: string }) => v.id === current.id);
    assert.deepEqual([kept.rules, kept.effectiveFrom, kept.status], [{ points: { share: 11 } }, current.effectiveFrom, 'current']);
    // Scheduling a version into the past would rewrite history: refused too.
    const scheduled = (await versions()).find((v: { status: string }) => v.status === 'scheduled');
    const problem = await json(
      await h.request('PATCH', `${API}/admin/points/rules/${scheduled.id}`, {
        token: ada,
        body: { effectiveFrom: new Date(Date.now() - 86_400_000).toISOString() },
      }),
      422,
    );
    assert.equal(problem.errors[0].field, 'effectiveFrom');
  });
});
