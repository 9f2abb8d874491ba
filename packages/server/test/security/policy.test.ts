import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

const PROBLEMS = 'https://advocacy-kit.dev/problems/';

forEachDatabase('security: the social-media policy and compliance', (open) => {
  let h: Harness;
  let ann: string;
  let bob: string;
  let ada: string;
  let shares = 0;
  const share = (token: string, body: object) =>
    h.request('POST', `${API}/shares`, { token, headers: { 'idempotency-key': `policy-${++shares}` }, body });
  const auditActions = async () =>
    (await h.advocacy.services.db.selectFrom('audit_log').select(['action', 'actor_id']).orderBy('at').orderBy('id').execute()).map(
      (row) => `${row.action} by ${row.actor_id}`,
    );

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    bob = await signToken('emp-bob');
    ada = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  describe('an employee cannot change the rules', () => {
    it('is refused writing or publishing the policy, blocking or unblocking terms and changing the disclosure; nothing changes', async () => {
      const attempts: Array<[string, string, object | undefined]> = [
        ['PUT', '/admin/policy/draft', { texts: { en: 'Share anything.' } }],
        ['POST', '/admin/policy/draft/publish', undefined],
        ['POST', '/admin/compliance/blocked-terms', { locale: 'en', term: 'x', reason: 'y' }],
        ['DELETE', '/admin/compliance/blocked-terms/term_1', undefined],
        ['PUT', '/admin/compliance/disclosures', { disclosures: {} }],
        ['GET', '/admin/policy/versions', undefined],
      ];
      for (const [method, path, body] of attempts) {
        const problem = await json(await h.request(method, `${API}${path}`, { token: ann, ...(body ? { body } : {}) }), 403);
        assert.equal(problem.type, `${PROBLEMS}forbidden`, `${method} ${path}`);
      }
      const compliance = await json(await h.request('GET', `${API}/compliance`, { token: ann }), 200);
      assert.deepEqual(compliance, { policy: null, blockedTerms: [], disclosures: {} });
      assert.deepEqual(await auditActions(), []);
    });
  });

  describe('the policy must be accepted in its current version', () => {
    it('refuses a share until the current version is accepted, and refuses accepting another version', async () => {
      await json(
        await h.request('PUT', `${API}/admin/policy/draft`, { token: ada, body: { texts: { en: 'Be kind.\n\nBe honest.' } } }),
        200,
      );
      const v1 = await json(await h.request('POST', `${API}/admin/policy/draft/publish`, { token: ada }), 200);
      assert.equal(v1.version, 1);

      const refused = await json(await share(ann, { postId: 'p-1', network: 'linkedin', commentary: '' }), 403);
      assert.equal(refused.type, `${PROBLEMS}policy_required`);

      for (const version of [2, 0]) {
        const status = version === 0 ? 400 : 409;
        await json(await h.request('POST', `${API}/me/policy-acceptance`, { token: ann, body: { version } }), version === 0 ? 422 : status);
      }
      const me = await json(await h.request('GET', `${API}/me`, { token: ann }), 200);
      assert.equal(me.policyVersionAccepted, null, 'a refused acceptance records nothing');
      await json(await share(ann, { postId: 'p-1', network: 'linkedin', commentary: '' }), 403);

      const accepted = await json(await h.request('POST', `${API}/me/policy-acceptance`, { token: ann, body: { version: 1 } }), 200);
      assert.equal(accepted.policyVersionAccepted, 1);
      await json(await share(ann, { postId: 'p-1', network: 'linkedin', commentary: '' }), 201);
    });

    it('a published version cannot be rewritten: saving again starts the next version', async () => {
      const draft = await json(
        await h.request('PUT', `${API}/admin/policy/draft`, { token: ada, body: { texts: { en: 'Changed.' } } }),
        200,
      );
      assert.equal(draft.version, 2);
      const versions = await json(await h.request('GET', `${API}/admin/policy/versions`, { token: ada }), 200);
      assert.deepEqual(
        versions.items.map((v: { version: number; status: string; texts: object }) => [v.version, v.status, v.texts]),
        [
          [2, 'draft', { en: 'Changed.' }],
          [1, 'published', { en: 'Be kind.\n\nBe honest.' }],
        ],
      );
      // Today's clients send no body: the current version is accepted.
      const legacy = await h.request('POST', `${API}/me/policy-acceptance`, { token: bob });
      assert.equal((await json(legacy, 200)).policyVersionAccepted, 1);
    });
  });

  describe('the disclosure is the server’s to add', () => {
    it('adds the disclosure and the post’s hashtags to words sent without them, once', async () => {
      await json(
        await h.request('PUT', `${API}/admin/compliance/disclosures`, {
          token: ada,
          body: { disclosures: { en: '#employee', ja: '#社員' } },
        }),
        200,
      );
      const stored = await json(await share(bob, { postId: 'p-2', network: 'x', commentary: 'My own words' }), 201);
      // Bob's locale is ja: the Japanese disclosure.
      assert.equal(stored.commentary, 'My own words #社員 #news');
      const again = await json(await share(bob, { postId: 'p-3', network: 'bluesky', commentary: 'Mine #社員 #NEWS' }), 201);
      assert.equal(again.commentary, 'Mine #社員 #NEWS', 'nothing is added twice');
    });

    it('refuses a blocked term even when the client never checked it, and names it', async () => {
      await json(
        await h.request('POST', `${API}/admin/compliance/blocked-terms`, {
          token: ada,
          body: { locale: 'ja', term: '未公開', reason: '公表前の情報です。' },
        }),
        201,
      );
      const problem = await json(await share(bob, { postId: 'p-1', network: 'threads', commentary: '未公開の数字です' }), 422);
      assert.equal(problem.type, `${PROBLEMS}blocked_terms`);
      assert.deepEqual(problem.blockedTerms, [{ term: '未公開', reason: '公表前の情報です。' }]);
      assert.equal(problem.errors[0].field, 'commentary');
    });

    it('records every admin write in the audit log', async () => {
      assert.deepEqual(await auditActions(), [
        'policy.save_draft by emp-ada',
        'policy.publish by emp-ada',
        'policy.save_draft by emp-ada',
        'disclosure.update by emp-ada',
        'blocked_term.create by emp-ada',
      ]);
    });
  });
});
