import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { API, API_KEY, json, signToken, startHarness, type Harness } from './support/harness.js';
import { assertSchema } from './support/schema.js';

forEachDatabase('HTTP API', (open) => {
  let h: Harness;
  let ann: string;
  let bob: string;
  let admin: string;

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    bob = await signToken('emp-bob');
    admin = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  const get = (path: string, token: string) => h.request('GET', `${API}${path}`, { token });

  describe('me, topics, teams', () => {
    it('GET /me returns the signed-in employee', async () => {
      const me = await json(await get('/me', ann), 200);
      assertSchema('Employee', me);
      assert.deepEqual(me, {
        id: 'emp-ann',
        displayName: 'Ann',
        team: 'team-sales',
        teamName: 'Sales',
        role: 'employee',
        locale: 'en',
        timeZone: 'UTC',
        avatarUrl: null,
        policyAcceptedAt: null,
        policyVersionAccepted: null,
      });
    });

    it('creates an employee unknown to the database from the token claims', async () => {
      const token = await signToken('emp-new', { claims: { name: 'Nina New', team: 'team-legal', team_name: 'Legal', locale: 'ja' } });
      const me = await json(await get('/me', token), 200);
      assert.equal(me.displayName, 'Nina New');
      assert.equal(me.team, 'team-legal');
      assert.equal(me.teamName, 'Legal');
      assert.equal(me.locale, 'ja');
    });

    it('POST /me/policy-acceptance records the time once', async () => {
      const first = await json(await h.request('POST', `${API}/me/policy-acceptance`, { token: bob }), 200);
      assert.ok(first.policyAcceptedAt);
      const second = await json(await h.request('POST', `${API}/me/policy-acceptance`, { token: bob }), 200);
      assert.equal(second.policyAcceptedAt, first.policyAcceptedAt);
    });

    it('lists topics and teams', async () => {
      const topics = await json(await get('/topics', ann), 200);
      assertSchema('TopicList', topics);
      // In the program's order: the seed's, until an admin reorders them.
      assert.deepEqual(
        topics.items.map((t: { id: string }) => t.id),
        ['t-product', 't-hiring'],
      );
      assert.deepEqual(topics.items[0].names, { en: 'Product', ja: '製品' });
      const teams = await json(await get('/teams', ann), 200);
      assertSchema('TeamList', teams);
      assert.ok(teams.items.some((t: { id: string; name: string }) => t.id === 'team-sales' && t.name === 'Sales'));
    });
  });

  describe('feed and posts', () => {
    it('shows published, unexpired posts in the employee audience, newest first', async () => {
      const annFeed = await json(await get('/feed', ann), 200);
      assertSchema('PostPage', annFeed);
      assert.deepEqual(
        annFeed.items.map((p: { id: string }) => p.id),
        ['p-2', 'p-1'],
      );
      const bobFeed = await json(await get('/feed', bob), 200);
      assert.deepEqual(
        bobFeed.items.map((p: { id: string }) => p.id),
        ['p-3', 'p-2', 'p-1'],
      );
    });

    it('filters by topic and locale', async () => {
      assert.deepEqual(
        (await json(await get('/feed?topic=t-hiring', bob), 200)).items.map((p: { id: string }) => p.id),
        ['p-2'],
      );
      assert.deepEqual(
        (await json(await get('/feed?locale=en', bob), 200)).items.map((p: { id: string }) => p.id),
        ['p-3', 'p-1'],
      );
    });

    it('pages with a cursor without repeating or skipping when posts are added in between', async () => {
      const first = await json(await get('/feed?limit=2', bob), 200);
      assert.equal(first.items.length, 2);
      assert.ok(first.nextCursor);
      await json(
        await h.request('POST', `${API}/admin/posts`, {
          token: admin,
          body: { kind: 'owned', title: 'Fresh', summary: 'New', url: 'https://example.com/fresh', locale: 'en' },
        }),
        201,
      );
      const second = await json(await get(`/feed?limit=2&cursor=${first.nextCursor}`, bob), 200);
      assert.deepEqual(
        second.items.map((p: { id: string }) => p.id),
        ['p-1'],
      );
      assert.equal(second.nextCursor, null);
    });

    it('GET /posts/:id returns a visible post and 404s for hidden ones', async () => {
      const post = await json(await get('/posts/p-2', ann), 200);
      assertSchema('Post', post);
      assert.deepEqual(post.networks, ['linkedin', 'x']);
      for (const hidden of ['p-3', 'p-draft', 'p-future', 'p-expired', 'nope']) {
        const problem = await json(await get(`/posts/${hidden}`, ann), 404);
        assert.equal(problem.type, 'https://advocacy-kit.dev/problems/not_found');
      }
    });
  });

  describe('shares, stats, points, leaderboard', () => {
    it('POST /shares returns 201 with a tracking link and 10 points', async () => {
      const share = await json(
        await h.request('POST', `${API}/shares`, {
          token: ann,
          headers: { 'idempotency-key': 'a-1' },
          body: { postId: 'p-2', network: 'linkedin', commentary: 'Hiring!' },
        }),
        201,
      );
      assertSchema('Share', share);
      assert.equal(share.pointsAwarded, 10);
      assert.equal(share.employeeId, 'emp-ann');
    });

    it('refuses a network the post does not allow and a post the employee cannot see', async () => {
      const wrongNetwork = await json(
        await h.request('POST', `${API}/shares`, {
          token: ann,
          headers: { 'idempotency-key': 'a-2' },
          body: { postId: 'p-2', network: 'facebook', commentary: '' },
        }),
        422,
      );
      assert.equal(wrongNetwork.errors[0].field, 'network');
      await json(
        await h.request('POST', `${API}/shares`, {
          token: ann,
          headers: { 'idempotency-key': 'a-3' },
          body: { postId: 'p-3', network: 'x', commentary: '' },
        }),
        404,
      );
    });

    it('GET /me/shares lists only my shares', async () => {
      const page = await json(await get('/me/shares', ann), 200);
      assertSchema('MySharePage', page);
      assert.deepEqual(
        page.items.map((s: { postId: string }) => s.postId),
        ['p-2'],
      );
    });

    it('GET /me/stats sums my points, shares, clicks and conversions', async () => {
      const stats = await json(await get('/me/stats?period=week', bob), 200);
      assertSchema('MyStats', stats);
      // Seed: one share to X (10), three unique clicks (3 × 5), one conversion of value 100 (50).
      assert.equal(stats.shares, 1);
      assert.equal(stats.clicks, 3);
      assert.equal(stats.conversions, 1);
      assert.equal(stats.conversionValue, 100);
      assert.equal(stats.points, 75);
      // A rolling week touches 8 UTC days: the partial day it starts on through today.
      assert.equal(stats.series.length, 8);
      assert.equal(
        stats.series.reduce((sum: number, p: { points: number }) => sum + p.points, 0),
        75,
      );
      const quarter = await json(await get('/me/stats?period=quarter', bob), 200);
      assert.ok(quarter.series.length >= 13);
    });

    it('GET /me/points lists the ledger newest first with a cursor', async () => {
      const first = await json(await get('/me/points?limit=2', bob), 200);
      assertSchema('MyPointsPage', first);
      assert.equal(first.items.length, 2);
      const rest = await json(await get(`/me/points?limit=100&cursor=${first.nextCursor}`, bob), 200);
      const all = [...first.items, ...rest.items];
      assert.equal(all.length, 5);
      assert.equal(new Set(all.map((e: { id: string }) => e.id)).size, 5);
      assert.ok(all.every((e: { employeeId: string }) => e.employeeId === 'emp-bob'));
    });

    it('GET /leaderboard ranks by points with my entry and team scope', async () => {
      const board = await json(await get('/leaderboard?period=month&scope=company&limit=10', ann), 200);
      assertSchema('Leaderboard', board);
      assert.deepEqual(
        board.entries.map((e: { employeeId: string; points: number; rank: number }) => [e.rank, e.employeeId, e.points]),
        [
          [1, 'emp-bob', 75],
          [2, 'emp-ann', 10],
        ],
      );
      assert.equal(board.me.employeeId, 'emp-ann');
      assert.equal(board.participants, 2);
      const top1 = await json(await get('/leaderboard?period=month&scope=company&limit=1', ann), 200);
      assert.equal(top1.entries.length, 1);
      assert.deepEqual([top1.me.rank, top1.me.points], [2, 10]);
      const team = await json(await get('/leaderboard?period=week&scope=team', ann), 200);
      assert.deepEqual(
        team.entries.map((e: { employeeId: string }) => e.employeeId),
        ['emp-ann'],
      );
    });
  });

  describe('suggestions', () => {
    let pendingId: string;

    it('POST /suggestions and GET /me/suggestions', async () => {
      const created = await json(
        await h.request('POST', `${API}/suggestions`, {
          token: bob,
          body: { url: 'https://example.org/post', note: 'Our talk at the conference\nGreat recap', topics: ['t-product'] },
        }),
        201,
      );
      assertSchema('Suggestion', created);
      assert.equal(created.status, 'pending');
      pendingId = created.id;
      const mine = await json(await get('/me/suggestions', bob), 200);
      assertSchema('SuggestionPage', mine);
      assert.deepEqual(
        mine.items.map((s: { id: string }) => s.id),
        [pendingId],
      );
    });

    it('approving creates a post and awards 20 points once; a second review conflicts', async () => {
      const list = await json(await h.request('GET', `${API}/admin/suggestions?status=pending`, { token: admin }), 200);
      assert.ok(list.items.some((s: { id: string }) => s.id === pendingId));
      const approved = await json(
        await h.request('POST', `${API}/admin/suggestions/${pendingId}/review`, {
          token: admin,
          body: { decision: 'approve', post: { kind: 'owned' } },
        }),
        200,
      );
      assert.equal(approved.status, 'approved');
      assert.ok(approved.postId);
      const post = await json(await get(`/posts/${approved.postId}`, bob), 200);
      assert.equal(post.url, 'https://example.org/post');
      assert.equal(post.title, 'Our talk at the conference');
      assert.equal(post.kind, 'owned');
      await json(
        await h.request('POST', `${API}/admin/suggestions/${pendingId}/review`, { token: admin, body: { decision: 'approve' } }),
        409,
      );
      const points = await json(await get('/me/points?limit=100', bob), 200);
      assert.deepEqual(
        points.items.filter((e: { reason: string }) => e.reason === 'suggestion').map((e: { delta: number }) => e.delta),
        [20],
      );
    });

    it('rejecting stores the reason for the employee', async () => {
      const created = await json(
        await h.request('POST', `${API}/suggestions`, { token: bob, body: { url: 'https://example.org/other', note: '', topics: [] } }),
        201,
      );
      const rejected = await json(
        await h.request('POST', `${API}/admin/suggestions/${created.id}/review`, {
          token: admin,
          body: { decision: 'reject', reason: 'Off-topic for this quarter' },
        }),
        200,
      );
      assert.equal(rejected.status, 'rejected');
      assert.equal(rejected.reviewReason, 'Off-topic for this quarter');
      const mine = await json(await get('/me/suggestions', bob), 200);
      assert.equal(mine.items.find((s: { id: string }) => s.id === created.id).reviewReason, 'Off-topic for this quarter');
    });
  });

  describe('events and conversions', () => {
    it('accepts a sendBeacon batch as text/plain with the token in the body', async () => {
      const result = await json(
        await h.request('POST', `${API}/events`, {
          headers: { 'content-type': 'text/plain;charset=UTF-8' },
          raw: JSON.stringify({ events: [{ id: 'beacon-1', type: 'feed_view', at: new Date().toISOString() }], accessToken: ann }),
        }),
        200,
      );
      assertSchema('EventBatchResult', result);
      assert.deepEqual(result, { accepted: 1, duplicates: 0 });
    });

    it("records a conversion from a company system's API key, and refuses unknown codes, bad keys and employee tokens", async () => {
      const share = await json(
        await h.request('POST', `${API}/shares`, {
          token: ann,
          headers: { 'idempotency-key': 'conv' },
          body: { postId: 'p-1', network: 'facebook', commentary: '' },
        }),
        201,
      );
      const conversion = await json(
        await h.request('POST', `${API}/conversions`, {
          headers: { 'x-api-key': API_KEY },
          body: { code: share.trackingCode, type: 'signup', externalId: 'web-1' },
        }),
        201,
      );
      assertSchema('Conversion', conversion);
      assert.deepEqual(
        [conversion.employeeId, conversion.postId, conversion.value, conversion.currency, conversion.source],
        ['emp-ann', 'p-1', 0, null, 'crm'],
      );
      await json(
        await h.request('POST', `${API}/conversions`, { token: ann, body: { code: share.trackingCode, type: 'lead', externalId: 'x-0' } }),
        403,
      );
      const unknown = await json(
        await h.request('POST', `${API}/conversions`, {
          headers: { 'x-api-key': API_KEY },
          body: { code: 'AAAAAAAAAAAAAAAA', type: 'lead', externalId: 'x-1' },
        }),
        422,
      );
      assert.equal(unknown.errors[0].field, 'code');
      await json(
        await h.request('POST', `${API}/conversions`, {
          headers: { 'x-api-key': 'wrong' },
          body: { code: share.trackingCode, type: 'lead', externalId: 'x-2' },
        }),
        401,
      );
      await json(
        await h.request('POST', `${API}/conversions`, { body: { code: share.trackingCode, type: 'lead', externalId: 'x-3' } }),
        401,
      );
    });
  });

  describe('admin posts', () => {
    let postId: string;

    it('creates, schedules, updates, lists and archives posts', async () => {
      const future = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const created = await json(
        await h.request('POST', `${API}/admin/posts`, {
          token: admin,
          body: {
            kind: 'promotional',
            title: 'Launch week',
            summary: 'Join us',
            url: 'https://example.com/launch',
            locale: 'en',
            topics: ['t-product'],
            publishAt: future,
            audience: { teams: ['team-sales'], roles: [] },
          },
        }),
        201,
      );
      assertSchema('Post', created);
      assert.equal(created.status, 'scheduled');
      assert.equal(created.source, 'example.com');
      postId = created.id;
      await json(await get(`/posts/${postId}`, ann), 404);

      const scheduled = await json(await h.request('GET', `${API}/admin/posts?status=scheduled`, { token: admin }), 200);
      assert.deepEqual(
        scheduled.items.map((p: { id: string }) => p.id),
        [postId, 'p-future'],
      );

      const published = await json(
        await h.request('PATCH', `${API}/admin/posts/${postId}`, { token: admin, body: { publishAt: null, title: 'Launch week is here' } }),
        200,
      );
      assert.equal(published.status, 'published');
      assert.equal(published.title, 'Launch week is here');
      assert.equal(published.kind, 'promotional');
      assert.deepEqual(published.audience, { teams: ['team-sales'], roles: [] });
      await json(await get(`/posts/${postId}`, ann), 200);
      await json(await get(`/posts/${postId}`, bob), 404);

      const found = await json(
        await h.request('GET', `${API}/admin/posts?q=LAUNCH&kind=promotional&topic=t-product`, { token: admin }),
        200,
      );
      assert.deepEqual(
        found.items.map((p: { id: string }) => p.id),
        [postId],
      );
      const drafts = await json(await h.request('GET', `${API}/admin/posts?status=draft`, { token: admin }), 200);
      assert.deepEqual(
        drafts.items.map((p: { id: string }) => p.id),
        ['p-draft'],
      );

      const archived = await json(await h.request('POST', `${API}/admin/posts/${postId}/archive`, { token: admin }), 200);
      assert.equal(archived.status, 'archived');
      await json(await get(`/posts/${postId}`, ann), 404);
      await json(await h.request('PATCH', `${API}/admin/posts/nope`, { token: admin, body: { title: 'x' } }), 404);
    });

    it('pages through every post without repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = await json(
          await h.request('GET', `${API}/admin/posts?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: admin }),
          200,
        );
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      assert.equal(new Set(seen).size, seen.length);
      assert.ok(seen.length >= 8);
    });
  });

  describe('analytics and exports', () => {
    it('summarises shares, unique clicks, conversions and participation', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
      const summary = await json(await h.request('GET', `${API}/admin/analytics?from=${weekAgo}&to=${today}`, { token: admin }), 200);
      assertSchema('AnalyticsSummary', summary);
      // Seed: Bob's share on x (3 clicks, 1 conversion). Tests: Ann's linkedin + facebook shares, 1 conversion.
      assert.equal(summary.shares, 3);
      assert.equal(summary.activeAdvocates, 2);
      assert.equal(summary.employees, 4);
      assert.equal(summary.participationRate, 0.5);
      assert.equal(summary.uniqueClicks, 3);
      assert.equal(summary.conversions, 2);
      assert.equal(summary.conversionValue, 100);
      assert.equal(summary.estimatedReach, 400 + 600 + 300);
      assert.deepEqual(
        summary.byNetwork.map((b: { key: string; shares: number }) => [b.key, b.shares]),
        [
          ['facebook', 1],
          ['linkedin', 1],
          ['x', 1],
        ],
      );
      assert.deepEqual(
        summary.byTeam.find((b: { key: string }) => b.key === 'team-eng'),
        { key: 'team-eng', shares: 1, clicks: 3, conversions: 1 },
      );
      assert.deepEqual(
        summary.byTopic.find((b: { key: string }) => b.key === 't-product'),
        { key: 't-product', shares: 2, clicks: 3, conversions: 2 },
      );
      assert.ok(summary.byKind.some((b: { key: string }) => b.key === 'owned'));
      assert.ok(summary.byDay.every((b: { key: string }) => /^\d{4}-\d{2}-\d{2}$/.test(b.key)));
    });

    it('exports CSV with escaping and formula guarding', async () => {
      await json(
        await h.request('POST', `${API}/shares`, {
          token: bob,
          headers: { 'idempotency-key': 'csv' },
          body: { postId: 'p-3', network: 'linkedin', commentary: '=HYPERLINK("http://evil","x"), and "quotes"\nnew line' },
        }),
        201,
      );
      const response = await h.request('GET', `${API}/admin/exports/shares.csv`, { token: admin });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type')!, /^text\/csv/);
      const csv = await response.text();
      const lines = csv.split('\r\n');
      assert.equal(lines[0], 'id,createdAt,employeeId,employeeName,team,postId,postTitle,network,commentary,trackingCode,pointsAwarded');
      // The post's hashtag follows the words (policy/compliance.ts).
      assert.ok(csv.includes(`"'=HYPERLINK(""http://evil"",""x""), and ""quotes""\nnew line #news"`), csv);
      for (const name of ['clicks', 'conversions']) {
        const other = await h.request('GET', `${API}/admin/exports/${name}.csv`, { token: admin });
        assert.equal(other.status, 200);
        const rows = (await other.text()).trim().split('\r\n');
        assert.ok(rows.length >= 2, `${name}.csv has data rows`);
      }
    });
  });

  describe('service routes', () => {
    it('GET /health/live answers while the process runs; /health/ready and its alias /health check a write, clicks waiting and the schedulers', async () => {
      assert.deepEqual(await json(await h.request('GET', '/health/live'), 200), { status: 'ok' });
      for (const path of ['/health/ready', '/health']) {
        const ready = await json(await h.request('GET', path), 200);
        assert.equal(ready.status, 'ok');
        assert.equal(ready.database, h.advocacy.services.dialect);
        assert.deepEqual(Object.keys(ready.checks).sort(), ['clicks', 'database', 'delivery', 'engagement', 'webhooks']);
        assert.ok(Object.values(ready.checks).every((check) => (check as { ok: boolean }).ok));
      }
    });

    it('GET /openapi.json serves the contract with this server as base', async () => {
      const doc = await json(await h.request('GET', '/openapi.json'), 200);
      assert.equal(doc.openapi, '3.1.0');
      assert.equal(doc.servers[0].url, 'https://go.example.test/api/v1');
      assert.ok(doc.paths['/shares'].post);
    });
  });
});
