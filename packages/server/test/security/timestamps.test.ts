import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

// Findings of the security review, each proved by a test that failed before its fix.

forEachDatabase('security: timestamps no JavaScript Date can hold', (open) => {
  let h: Harness;
  let ann: string;
  let admin: string;
  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    admin = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  describe('a leap second (23:59:60) is a field error, not a 500', () => {
    it('in an event batch', async () => {
      const body = { events: [{ id: 'evt-leap', type: 'feed_view', at: '2026-06-30T23:59:60Z' }] };
      const problem = await json(await h.request('POST', `${API}/events`, { token: ann, body }), 422);
      assert.deepEqual(
        problem.errors.map((error: { field: string }) => error.field),
        ['events.0.at'],
      );
    });

    it("in a post's publish time", async () => {
      const body = {
        kind: 'owned',
        title: 'Leap',
        summary: '',
        url: 'https://example.com/leap',
        locale: 'en',
        publishAt: '2026-12-31T23:59:60Z',
      };
      const problem = await json(await h.request('POST', `${API}/admin/posts`, { token: admin, body }), 422);
      assert.ok(problem.errors.some((error: { field: string }) => error.field === 'publishAt'));
    });
  });
});
