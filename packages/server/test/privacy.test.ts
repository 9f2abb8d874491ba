import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import type { AdminPost, AuditEntry, PersonalDataExport } from '@advocacy-kit/core';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

/** An audit entry as JSON, its before and after read as records. */
type Entry = AuditEntry & { before: Record<string, unknown>; after: Record<string, unknown> };

const HUMAN = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

forEachDatabase('privacy: audit log, personal data, erasure, retention', (open) => {
  let h: Harness;
  let admin: string;
  let ann: string;
  let bob: string;

  const get = async (path: string, token = admin) => json(await h.request('GET', `${API}${path}`, { token }), 200);
  const audit = async (query: string) => (await get(`/admin/audit?${query}`)).items as Entry[];
  const totals = async () => {
    const summary = await get('/admin/analytics?from=2000-01-01');
    const posts = await get('/admin/posts?limit=100');
    return {
      summary: { shares: summary.shares, clicks: summary.uniqueClicks, conversions: summary.conversions, byTeam: summary.byTeam },
      posts: (posts.items as AdminPost[]).map((p) => [p.id, p.metrics]),
    };
  };

  before(async () => {
    h = await startHarness(await open(), { webhooks: { dispatchIntervalMs: 0, allowPrivateTargets: true, allowHttp: true } });
    admin = await signToken('emp-ada', { admin: true });
    ann = await signToken('emp-ann');
    bob = await signToken('emp-bob');
    for (const token of [ann, bob]) await json(await h.request('POST', `${API}/me/policy-acceptance`, { token }), 200);
  });
  after(() => h.close());

  it('records who changed a post, a suggestion, a contest and a webhook, with before and after, never a webhook secret', async () => {
    const created = await json(
      await h.request('POST', `${API}/admin/posts`, {
        token: admin,
        headers: { 'idempotency-key': 'audit-post' },
        body: { kind: 'curated', title: 'Audited', summary: '', url: 'https://example.com/audited', locale: 'en' },
      }),
      201,
    );
    await json(await h.request('PATCH', `${API}/admin/posts/${created.id}`, { token: admin, body: { title: 'Audited again' } }), 200);
    await json(await h.request('POST', `${API}/admin/posts/${created.id}/archive`, { token: admin }), 200);
    const postEntries = await audit(`targetKind=post&targetId=${created.id}`);
    assert.deepEqual(
      postEntries.map((e) => e.action),
      ['post.archive', 'post.update', 'post.create'],
    );
    const update = postEntries[1]!;
    assert.deepEqual(update.actor, { kind: 'admin', id: 'emp-ada' });
    assert.equal(update.before.title, 'Audited');
    assert.equal(update.after.title, 'Audited again');
    assert.equal(postEntries[2]!.before, null);

    const suggestion = await json(
      await h.request('POST', `${API}/suggestions`, {
        token: ann,
        headers: { 'idempotency-key': 'audit-suggestion' },
        body: { url: 'https://example.com/suggested', note: 'Worth a read', topics: [] },
      }),
      201,
    );
    await json(
      await h.request('POST', `${API}/admin/suggestions/${suggestion.id}/review`, {
        token: admin,
        body: { decision: 'reject', reason: 'Off topic' },
      }),
      200,
    );
    const [review] = await audit(`targetKind=suggestion&targetId=${suggestion.id}`);
    assert.equal(review!.action, 'suggestion.reject');
    assert.equal(review!.before.status, 'pending');
    assert.equal(review!.after.status, 'rejected');

    const starts = new Date(Date.now() + 86_400_000).toISOString();
    const contest = await json(
      await h.request('POST', `${API}/admin/contests`, {
        token: admin,
        body: {
          title: 'Audited contest',
          prize: 'Lunch',
          scope: 'company',
          startsAt: starts,
          endsAt: new Date(Date.parse(starts) + 86_400_000).toISOString(),
        },
      }),
      201,
    );
    assert.equal((await audit(`targetId=${contest.id}`))[0]!.action, 'contest.create');

    const hook = await json(
      await h.request('POST', `${API}/admin/webhooks`, {
        token: admin,
        body: { url: 'https://hooks.example.com/in', events: ['share.created'] },
      }),
      201,
    );
    await json(await h.request('PATCH', `${API}/admin/webhooks/${hook.id}`, { token: admin, body: { description: 'CRM' } }), 200);
    assert.equal((await h.request('DELETE', `${API}/admin/webhooks/${hook.id}`, { token: admin })).status, 204);
    const hookEntries = await audit(`action=webhook.&targetId=${hook.id}`);
    assert.deepEqual(
      hookEntries.map((e) => e.action),
      ['webhook.delete', 'webhook.update', 'webhook.create'],
    );
    const stored = await h.advocacy.services.db.selectFrom('audit_log').selectAll().where('target_id', '=', hook.id).execute();
    for (const row of stored) assert.ok(!`${row.before}${row.after}`.includes(hook.secret), 'the signing secret is never recorded');
  });

  it('filters by actor, action prefix and dates, and pages newest first without gaps or repeats', async () => {
    const all = await audit('actor=emp-ada&limit=100');
    assert.ok(all.length >= 8);
    assert.ok(all.every((e) => e.actor.id === 'emp-ada'));
    const sorted = [...all].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
    assert.deepEqual(
      all.map((e) => e.id),
      sorted.map((e) => e.id),
    );
    assert.ok((await audit('action=post.')).every((e) => e.action.startsWith('post.')));
    assert.deepEqual(await audit('actor=emp-ada&to=2000-01-01'), []);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: AuditEntry[]; nextCursor: string | null } = await get(
        `/admin/audit?actor=emp-ada&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(
      paged,
      all.map((e) => e.id),
    );
  });

  it('exports the audit log as CSV with the same filters', async () => {
    const response = await h.request('GET', `${API}/admin/exports/audit.csv?action=post.`, { token: admin });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
    const lines = (await response.text()).trim().split('\r\n');
    assert.equal(lines[0], 'at,actorKind,actorId,action,targetKind,targetId,before,after');
    assert.ok(lines.length >= 4);
    assert.ok(lines.slice(1).every((line) => line.split(',')[3]!.startsWith('post.')));
  });

  it('exports everything about a person, and the retention setting is audited', async () => {
    const data = await get('/me/export', bob);
    assert.equal(data.employee.id, 'emp-bob');
    assert.equal(data.employee.displayName, 'Bob');
    assert.equal(data.shares.length, 1);
    assert.equal(data.shares[0].clicks, 3);
    assert.equal(data.clicks.total, 3);
    assert.ok(data.points.length > 0 && (data as PersonalDataExport).points.every((p) => p.employeeId === 'emp-bob'));
    assert.deepEqual(data.preferences, { digest: true, nudges: true, showOnLeaderboard: false });
    const { exportedAt: _at, ...asAdmin } = await get('/admin/employees/emp-bob/export');
    const { exportedAt: _mine, ...mine } = data;
    assert.deepEqual(asAdmin, mine);
    assert.equal((await h.request('GET', `${API}/admin/employees/nobody/export`, { token: admin })).status, 404);

    assert.deepEqual((await get('/admin/privacy/settings')).clickRetentionDays, null);
    const saved = await json(
      await h.request('PUT', `${API}/admin/privacy/settings`, { token: admin, body: { clickRetentionDays: 30 } }),
      200,
    );
    assert.equal(saved.clickRetentionDays, 30);
    const [entry] = await audit('action=settings.update');
    assert.deepEqual([entry!.before, entry!.after], [{ clickRetentionDays: null }, { clickRetentionDays: 30 }]);
  });

  it('retention deletes old raw clicks and leaves analytics and post metrics as they were', async () => {
    const { db } = h.advocacy.services;
    const before = await totals();
    const raw = async () =>
      Number(
        (
          await db
            .selectFrom('clicks')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const rawBefore = await raw();
    assert.ok(rawBefore >= 3);
    // The fixture's clicks are up to 3.5 days old: keep one day.
    await json(await h.request('PUT', `${API}/admin/privacy/settings`, { token: admin, body: { clickRetentionDays: 1 } }), 200);
    const deleted = await h.advocacy.services.retention.run(new Date());
    assert.ok(deleted > 0, 'old clicks were deleted');
    assert.equal(await raw(), rawBefore - deleted);
    assert.deepEqual(await totals(), before);
  });

  it('erases a person: name and commentary gone, id replaced, links still redirect, every total unchanged, idempotent', async () => {
    const share = await json(
      await h.request('POST', `${API}/shares`, {
        token: ann,
        headers: { 'idempotency-key': 'erase-share' },
        body: { postId: 'p-1', network: 'linkedin', commentary: 'My own words about Ann things' },
      }),
      201,
    );
    await h.request('GET', `/r/${share.trackingCode}`, { headers: { 'user-agent': HUMAN, 'x-forwarded-for': '203.0.113.9' } });
    await h.advocacy.flush();
    const before = await totals();
    const erased = await json(await h.request('POST', `${API}/admin/employees/emp-ann/erasure`, { token: admin }), 200);
    assert.equal(erased.alreadyErased, false);
    assert.notEqual(erased.employeeId, 'emp-ann');
    assert.deepEqual(await totals(), before);

    const { db } = h.advocacy.services;
    const row = await db.selectFrom('employees').selectAll().where('id', '=', erased.employeeId).executeTakeFirstOrThrow();
    assert.deepEqual([row.display_name, row.email, row.avatar_url, row.status], ['Former employee', null, null, 'deactivated']);
    assert.equal(await db.selectFrom('employees').select('id').where('id', '=', 'emp-ann').executeTakeFirst(), undefined);
    const shares = await db.selectFrom('shares').selectAll().where('employee_id', '=', erased.employeeId).execute();
    assert.ok(shares.length > 0 && shares.every((s) => s.commentary === ''));
    for (const table of ['shares', 'points_ledger', 'suggestions'] as const) {
      const left = await db.selectFrom(table).select('id').where('employee_id', '=', 'emp-ann').execute();
      assert.deepEqual(left, [], `${table} no longer names emp-ann`);
    }
    const references = await db.selectFrom('points_ledger').select('reference').where('employee_id', '=', erased.employeeId).execute();
    assert.ok(
      references.length > 0 && references.every((row) => !row.reference.includes('emp-ann')),
      'ledger references use the pseudonym',
    );
    const suggestions = await db.selectFrom('suggestions').selectAll().where('employee_id', '=', erased.employeeId).execute();
    assert.ok(suggestions.every((s) => s.note === ''));
    const dump = JSON.stringify(await db.selectFrom('audit_log').selectAll().execute());
    assert.ok(!dump.includes('emp-ann') && !dump.includes('"Ann"'), 'the audit log keeps no trace of the name or the old id');
    const [entry] = await audit(`action=employee.erase&targetId=${erased.employeeId}`);
    assert.deepEqual(entry!.actor, { kind: 'admin', id: 'emp-ada' });
    assert.ok(!JSON.stringify(entry!.before).includes('Ann'));

    const redirect = await h.request('GET', `/r/${share.trackingCode}`, {
      headers: { 'user-agent': HUMAN, 'x-forwarded-for': '203.0.113.10' },
    });
    assert.equal(redirect.status, 302);
    await h.advocacy.flush();
    for (const table of ['points_ledger', 'click_point_visitors'] as const) {
      const left = await db.selectFrom(table).select('employee_id').where('employee_id', '=', 'emp-ann').execute();
      assert.deepEqual(left, [], `a click after the erasure writes no ${table} row under the old id`);
    }

    const again = await json(await h.request('POST', `${API}/admin/employees/emp-ann/erasure`, { token: admin }), 200);
    assert.deepEqual(again, { ...erased, alreadyErased: true });
    const byPseudonym = await json(await h.request('POST', `${API}/admin/employees/${erased.employeeId}/erasure`, { token: admin }), 200);
    assert.deepEqual(byPseudonym, { ...erased, alreadyErased: true });
    assert.equal((await audit('action=employee.erase')).length, 1, 'erasing again records nothing');
    assert.equal((await h.request('POST', `${API}/admin/employees/emp-ada/erasure`, { token: admin })).status, 409);
  });
});
