import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

forEachDatabase('POST /admin/preview', (open) => {
  let h: Harness;
  let admin: string;
  let employee: string;

  before(async () => {
    h = await startHarness(await open());
    admin = await signToken('emp-admin', { admin: true });
    employee = await signToken('emp-bob');
  });
  after(() => h.close());

  it('is for program admins only', async () => {
    const response = await h.request('POST', `${API}/admin/preview`, { token: employee, body: { url: 'https://example.com/' } });
    assert.equal((await json(response, 403)).type, 'https://advocacy-kit.dev/problems/forbidden');
  });

  it('refuses links to the server’s own network with a field error on url, without fetching them', async () => {
    for (const url of [
      'http://127.0.0.1:8787/api/v1/me',
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]/',
      'http://localhost/',
    ]) {
      const problem = await json(await h.request('POST', `${API}/admin/preview`, { token: admin, body: { url } }), 422);
      assert.equal(problem.errors[0].field, 'url', url);
      assert.equal(problem.errors[0].code, 'blocked_address', url);
    }
  });

  it('validates the body against the contract', async () => {
    const problem = await json(
      await h.request('POST', `${API}/admin/preview`, { token: admin, body: { link: 'https://example.com/' } }),
      422,
    );
    assert.equal(problem.type, 'https://advocacy-kit.dev/problems/validation');
    const scheme = await json(await h.request('POST', `${API}/admin/preview`, { token: admin, body: { url: 'ftp://example.com/' } }), 422);
    assert.equal(scheme.errors[0].code, 'invalid_url');
  });
});
