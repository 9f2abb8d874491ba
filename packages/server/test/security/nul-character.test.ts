import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

// Found by generated-input.test.ts: PostgreSQL refuses text holding U+0000 ("invalid byte
// sequence for encoding UTF8: 0x00"), so a NUL anywhere in a request's strings was a 500 there
// (and stored as is on SQLite). No field of the contract has a use for it: it is a field error.

forEachDatabase('security: the NUL character in a request', (open) => {
  let h: Harness;
  let ann: string;
  let admin: string;
  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    admin = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  const fields = (problem: { errors: Array<{ field: string; code: string }> }) =>
    problem.errors.map(({ field, code }) => `${field}:${code}`);

  describe('is a field error, not a 500', () => {
    it('in a body, at any depth', async () => {
      const body = { kind: 'owned', title: 'Nul', summary: 'a\u0000b', url: 'https://example.com/nul', locale: 'en', topics: ['t-\u0000'] };
      const problem = await json(await h.request('POST', `${API}/admin/posts`, { token: admin, body }), 422);
      assert.deepEqual(fields(problem), ['summary:invalid_character', 'topics.0:invalid_character']);
    });

    it('in a body with other errors, listed with them', async () => {
      const body = { postId: 'p-1\u0000', network: 'myspace', commentary: '' };
      const response = await h.request('POST', `${API}/shares`, { token: ann, headers: { 'idempotency-key': 'nul-1' }, body });
      assert.deepEqual(fields(await json(response, 422)).sort(), ['network:invalid_value', 'postId:invalid_character']);
    });

    it('in a query parameter', async () => {
      const problem = await json(await h.request('GET', `${API}/feed?topic=%00`, { token: ann }), 400);
      assert.deepEqual(fields(problem), ['topic:invalid_character']);
    });

    it('inside a cursor (its key or id would reach the database)', async () => {
      for (const [path, cursor] of [
        ['/me/shares', '["\\u0000","x"]'],
        ['/me/points', '["2026-01-01T00:00:00.000Z","pts\\u0000"]'],
        ['/admin/posts', '["x","\\u0000"]'],
      ] as const) {
        const query = `?cursor=${Buffer.from(cursor).toString('base64url')}`;
        const problem = await json(await h.request('GET', `${API}${path}${query}`, { token: admin }), 400);
        assert.deepEqual(fields(problem), ['cursor:invalid_cursor'], path);
      }
    });

    it('in a path parameter', async () => {
      for (const [method, path] of [
        ['GET', '/posts/%00'],
        ['GET', '/admin/webhooks/x%00y'],
        ['POST', '/admin/posts/p-1%00/archive'],
      ] as const) {
        const problem = await json(await h.request(method, `${API}${path}`, { token: admin }), 400);
        assert.deepEqual(fields(problem), ['id:invalid_character'], path);
      }
    });
  });
});
