import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

forEachDatabase('security: the audit log, personal data and erasure are admin only, and one person’s export holds only them', (open) => {
  let h: Harness;
  let admin: string;
  let ann: string;
  let bob: string;

  before(async () => {
    h = await startHarness(await open());
    admin = await signToken('emp-ada', { admin: true });
    ann = await signToken('emp-ann');
    bob = await signToken('emp-bob');
    for (const token of [ann, bob]) await json(await h.request('POST', `${API}/me/policy-acceptance`, { token }), 200);
    // Both share the same post, suggest, and send events: their data sits side by side.
    for (const [token, name] of [
      [ann, 'ann'],
      [bob, 'bob'],
    ] as const) {
      await json(
        await h.request('POST', `${API}/shares`, {
          token,
          headers: { 'idempotency-key': `sec-${name}` },
          body: { postId: 'p-2', network: 'linkedin', commentary: `words-of-${name}` },
        }),
        201,
      );
      await json(
        await h.request('POST', `${API}/suggestions`, {
          token,
          headers: { 'idempotency-key': `sec-sug-${name}` },
          body: { url: `https://example.com/from-${name}`, note: `note-of-${name}`, topics: [] },
        }),
        201,
      );
      await json(
        await h.request('POST', `${API}/events`, {
          token,
          body: { events: [{ id: `ev-${name}`, type: 'feed_view', at: new Date().toISOString() }] },
        }),
        200,
      );
    }
  });
  after(() => h.close());

  it('refuses an employee the audit log, its CSV, another person’s export, erasure and the retention setting', async () => {
    const attempts: Array<[string, string, unknown?]> = [
      ['GET', '/admin/audit'],
      ['GET', '/admin/exports/audit.csv'],
      ['GET', '/admin/employees/emp-bob/export'],
      ['GET', '/admin/employees/emp-ann/export'],
      ['POST', '/admin/employees/emp-bob/erasure'],
      ['POST', '/admin/employees/emp-ann/erasure'],
      ['GET', '/admin/privacy/settings'],
      ['PUT', '/admin/privacy/settings', { clickRetentionDays: 1 }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await h.request(method, `${API}${path}`, { token: ann, ...(body === undefined ? {} : { body }) });
      assert.equal(response.status, 403, `${method} ${path}`);
      const anonymous = await h.request(method, `${API}${path}`, body === undefined ? {} : { body });
      assert.equal(anonymous.status, 401, `${method} ${path} without a token`);
    }
    const bobStill = await json(await h.request('GET', `${API}/me`, { token: bob }), 200);
    assert.equal(bobStill.displayName, 'Bob', 'nothing was erased');
  });

  it('exports only the signed-in person: /me/export takes no id, and nothing of B is in A’s export', async () => {
    const response = await h.request('GET', `${API}/me/export?employeeId=emp-bob`, { token: ann });
    const text = response.status === 200 ? await response.text() : '';
    if (response.status === 200) assert.ok(!text.includes('emp-bob'), 'a query parameter cannot choose whose data');
    else assert.equal(response.status, 400);
    const mine = await h.request('GET', `${API}/me/export`, { token: ann });
    assert.equal(mine.status, 200);
    assert.equal(mine.headers.get('cache-control'), 'no-store');
    const exported = await mine.text();
    assert.ok(exported.includes('words-of-ann') && exported.includes('note-of-ann'));
    for (const other of ['emp-bob', 'Bob', 'words-of-bob', 'note-of-bob', 'from-bob', 'emp-ada', 'Ada']) {
      assert.ok(!exported.includes(other), `Ann's export holds nothing of "${other}"`);
    }
    const adminView = await (await h.request('GET', `${API}/admin/employees/emp-ann/export`, { token: admin })).text();
    for (const other of ['emp-bob', 'words-of-bob', 'note-of-bob']) assert.ok(!adminView.includes(other));
  });

  it('guards CSV cells a spreadsheet would run as a formula (an actor id from the identity provider)', async () => {
    const formulaAdmin = await signToken('=1+2', { admin: true });
    const post = await json(
      await h.request('POST', `${API}/admin/posts`, {
        token: formulaAdmin,
        headers: { 'idempotency-key': 'formula' },
        body: { kind: 'curated', title: '@SUM(1)', summary: '', url: 'https://example.com/f', locale: 'en' },
      }),
      201,
    );
    const csv = await (await h.request('GET', `${API}/admin/exports/audit.csv?targetId=${post.id}`, { token: admin })).text();
    const [header, line, end] = csv.split('\r\n');
    assert.equal(header, 'at,actorKind,actorId,action,targetKind,targetId,before,after');
    assert.equal(line!.split(',')[2], "'=1+2", 'the actor id is prefixed with a quote');
    assert.equal(end, '');
  });
});
