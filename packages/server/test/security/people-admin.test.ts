import assert from 'node:assert/strict';
import { operations } from '@advocacy-kit/core/contract';
import { after, before, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

const PEOPLE = Object.entries(operations).filter(([, operation]) => operation.tag === 'people');

forEachDatabase('security: only program admins manage topics, teams and employees', (open) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(await open());
  });
  after(() => h.close());

  const body = (method: string, path: string) =>
    method === 'GET' ? undefined : path.includes('employees') ? { role: 'admin' } : { names: { en: 'Mine now' } };

  it('an employee calling every people route gets 403 and changes nothing', async () => {
    assert.ok(PEOPLE.length >= 10);
    const token = await signToken('emp-ann');
    for (const [id, operation] of PEOPLE) {
      const path = operation.path.replace('{id}', operation.path.includes('employees') ? 'emp-ann' : 't-product');
      const response = await h.request(operation.method, `${API}${path}`, { token, body: body(operation.method, path) });
      assert.equal(response.status, 403, id);
    }
    const ann = await h.advocacy.services.db.selectFrom('employees').selectAll().where('id', '=', 'emp-ann').executeTakeFirstOrThrow();
    assert.equal(ann.granted_role, null);
    assert.equal(ann.status, 'active');
    const audit = await h.advocacy.services.db.selectFrom('audit_log').selectAll().execute();
    assert.deepEqual(audit, []);
  });

  it('without a token every people route is a 401', async () => {
    for (const [id, operation] of PEOPLE) {
      const response = await h.request(operation.method, `${API}${operation.path.replace('{id}', 'x')}`, {
        body: body(operation.method, ''),
      });
      assert.equal(response.status, 401, id);
    }
  });

  it('an admin cannot deactivate themselves: the program would lose the admin doing the work', async () => {
    const admin = await signToken('emp-ada', { admin: true });
    const problem = await json(await h.request('POST', `${API}/admin/employees/emp-ada/deactivate`, { token: admin }), 409);
    assert.match(problem.detail, /yourself/);
    await json(await h.request('GET', `${API}/me`, { token: admin }), 200);
  });

  it('names are text: markup is stored as given and never interpreted; unknown fields and bad ids are 422 with field errors', async () => {
    const admin = await signToken('emp-ada', { admin: true });
    const topic = await json(
      await h.request('POST', `${API}/admin/topics`, { token: admin, body: { names: { en: '<img src=x onerror=alert(1)>' } } }),
      201,
    );
    assert.equal(topic.names.en, '<img src=x onerror=alert(1)>');
    const problem = await json(
      await h.request('POST', `${API}/admin/teams`, {
        token: admin,
        body: { id: '../Sales', names: { en: 'x'.repeat(101) }, owner: 'me' },
      }),
      422,
    );
    const fields = problem.errors.map((e: { field: string }) => e.field);
    assert.ok(
      fields.some((f: string) => f.startsWith('id')),
      JSON.stringify(fields),
    );
    assert.ok(
      fields.some((f: string) => f.startsWith('names')),
      JSON.stringify(fields),
    );
    const patch = await json(await h.request('PATCH', `${API}/admin/topics/t-product`, { token: admin, body: {} }), 422);
    assert.ok(patch.errors.length > 0);
  });
});
