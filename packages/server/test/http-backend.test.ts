import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { httpBackend, isAdvocacyError, type AdvocacyBackend, type AdvocacyError } from '@advocacy-kit/core';
import { httpAdmin } from '@advocacy-kit/core/admin';
import { createServer, type RunningServer } from '../src/server.js';
import { resolveConfig } from '../src/config.js';
import { loadSeed } from '../src/seed.js';
import { fixture } from './support/fixture.js';
import { API_KEY, SECRET, signToken } from './support/harness.js';

/** Core's own httpBackend, over a real socket: the client and this server agree on the contract. */
describe("core's httpBackend against the server", () => {
  let server: RunningServer;
  let employee: AdvocacyBackend;
  let admin: AdvocacyBackend;

  const rejection = async (promise: Promise<unknown>): Promise<AdvocacyError> => {
    try {
      await promise;
    } catch (error) {
      assert.ok(isAdvocacyError(error), String(error));
      return error;
    }
    assert.fail('expected a rejection');
  };

  before(async () => {
    server = await createServer(
      resolveConfig({
        port: 0,
        host: '127.0.0.1',
        sqliteFile: ':memory:',
        logLevel: 'silent',
        auth: { jwtSecret: SECRET, apiKeys: [{ source: 'crm', key: API_KEY }] },
        clickFlush: { maxBatch: 100, intervalMs: 10 },
      }),
    );
    await loadSeed(server.services.db, fixture(new Date()), server.services.config.rules);
    const annToken = await signToken('emp-ann');
    const adaToken = await signToken('emp-ada', { admin: true });
    // The admin methods come from core/admin; the employee's too, to see the server refuse them.
    employee = httpBackend({ baseUrl: `${server.url}/api/v1`, getToken: () => annToken, retries: 0, admin: httpAdmin });
    admin = httpBackend({ baseUrl: `${server.url}/api/v1`, getToken: () => adaToken, retries: 0, admin: httpAdmin });
  });
  after(() => server.close());

  it('reads the employee, topics, teams, feed and a post', async () => {
    assert.equal((await employee.getMe()).id, 'emp-ann');
    assert.ok((await employee.acceptPolicy()).policyAcceptedAt);
    assert.equal((await employee.listTopics()).length, 2);
    assert.equal((await employee.listTeams()).length, 2);
    const feed = await employee.listFeed({ limit: 1, topic: null, locale: null });
    assert.equal(feed.items.length, 1);
    const next = await employee.listFeed({ limit: 1, cursor: feed.nextCursor });
    assert.notEqual(next.items[0]!.id, feed.items[0]!.id);
    assert.equal((await employee.getPost('p-1')).id, 'p-1');
  });

  it('shares once per idempotency key and follows the tracking link', async () => {
    const input = { postId: 'p-1', network: 'linkedin' as const, commentary: 'Via the SDK', idempotencyKey: 'sdk-share-1' };
    const share = await employee.createShare(input);
    const again = await employee.createShare(input);
    assert.equal(again.id, share.id);
    assert.equal(share.pointsAwarded, 10);
    const redirect = await fetch(`${server.url}/r/${share.trackingCode}`, {
      redirect: 'manual',
      headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0' },
    });
    assert.equal(redirect.status, 302);
    await server.flush();
    // The click comes from the address the share was made from: the sharer's own, a unique
    // click that earns no points.
    const stats = await employee.getMyStats('week');
    assert.deepEqual([stats.shares, stats.clicks, stats.points], [1, 1, 10]);
    assert.equal((await employee.listMyShares()).items.length, 1);
    assert.equal((await employee.listMyPoints({ limit: 10 })).items.length, 1);
    const board = await employee.getLeaderboard({ period: 'week', scope: 'company' });
    assert.equal(board.me?.points, 10);
  });

  it('sends events, suggestions and conversions', async () => {
    const at = new Date().toISOString();
    assert.deepEqual(await employee.sendEvents([{ id: 'sdk-ev-1', type: 'feed_view', at }]), { accepted: 1, duplicates: 0 });
    const suggestion = await employee.createSuggestion({ url: 'https://example.org/sdk', note: 'From the SDK', topics: [] });
    assert.equal((await employee.listMySuggestions()).items[0]!.id, suggestion.id);
    const [share] = (await employee.listMyShares()).items;
    const input = { code: share!.trackingCode, type: 'lead' as const, externalId: 'sdk-conv-1' };
    assert.equal((await rejection(employee.recordConversion(input))).code, 'forbidden');
    // The company's own server reports conversions, with its API key and no employee token.
    const crm = httpBackend({ baseUrl: `${server.url}/api/v1`, getToken: () => null, headers: { 'X-Api-Key': API_KEY }, retries: 0 });
    const conversion = await crm.recordConversion(input);
    assert.deepEqual([conversion.employeeId, conversion.source], ['emp-ann', 'crm']);
  });

  it('runs the admin operations', async () => {
    const post = await admin.admin.createPost({
      kind: 'owned',
      title: 'SDK post',
      summary: '',
      url: 'https://example.com/sdk',
      locale: 'en',
    });
    assert.equal((await admin.admin.updatePost(post.id, { title: 'SDK post, edited' })).title, 'SDK post, edited');
    assert.equal((await admin.admin.archivePost(post.id)).status, 'archived');
    assert.ok((await admin.admin.listPosts({ status: 'archived' })).items.some((p) => p.id === post.id));
    const [pending] = (await admin.admin.listSuggestions({ status: 'pending' })).items;
    assert.equal((await admin.admin.reviewSuggestion(pending!.id, { decision: 'reject', reason: 'Not now' })).status, 'rejected');
    const today = new Date().toISOString().slice(0, 10);
    assert.equal((await admin.admin.getAnalytics({ from: today, to: today })).shares, 1);
  });

  it('turns problems into AdvocacyErrors with codes and field errors', async () => {
    const invalid = await rejection(
      employee.createShare({ postId: 'p-1', network: 'myspace' as never, commentary: '', idempotencyKey: 'bad' }),
    );
    assert.equal(invalid.code, 'validation');
    assert.equal(invalid.fieldErrors[0]?.field, 'network');
    assert.equal((await rejection(employee.getPost('p-draft'))).code, 'not_found');
    assert.equal((await rejection(employee.admin.getAnalytics({ from: '2026-01-01', to: '2026-01-31' }))).code, 'forbidden');
    const anonymous = httpBackend({ baseUrl: `${server.url}/api/v1`, getToken: () => null, retries: 0 });
    assert.equal((await rejection(anonymous.getMe())).code, 'unauthorized');
  });

  it('runs the privacy operations: audit log and its CSV, exports, retention, erasure', async () => {
    const post = await admin.admin.createPost({
      kind: 'curated',
      title: 'Via the SDK',
      summary: '',
      url: 'https://example.com/sdk',
      locale: 'en',
    });
    const page = await admin.admin.listAudit!({ action: 'post.', limit: 5 });
    assert.equal(page.items[0]!.target.id, post.id);
    const csv = await admin.admin.exportAuditCsv!({ targetId: post.id });
    assert.match(csv, /^at,actorKind,actorId,action,targetKind,targetId,before,after\r\n.*post\.create/s);
    assert.equal((await employee.getMyExport!()).employee.id, 'emp-ann');
    assert.equal((await admin.admin.exportEmployee!('emp-ann')).employee.id, 'emp-ann');
    assert.equal((await admin.admin.updatePrivacySettings!({ clickRetentionDays: 400 })).clickRetentionDays, 400);
    assert.equal((await admin.admin.getPrivacySettings!()).clickRetentionDays, 400);
    assert.equal((await rejection(employee.admin.listAudit!())).code, 'forbidden');
    assert.equal((await rejection(employee.admin.exportAuditCsv!())).code, 'forbidden');
    assert.equal((await rejection(admin.admin.eraseEmployee!('nobody'))).code, 'not_found');
  });
});
