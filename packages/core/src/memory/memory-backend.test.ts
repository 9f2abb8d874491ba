import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PERIODS, type MyStats, type NetworkId, type Post, type PostInput } from '../backend/contract.js';
import { AdvocacyError } from '../backend/errors.js';
import { demoSeed } from './demo-seed.js';
import { memoryBackend } from './memory-backend.js';
import type { DemoSeed } from './seed-types.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

/** A tiny company: two teams, three employees (one admin), two topics, no posts. */
function smallSeed(posts: Post[] = []): DemoSeed {
  const employee = (id: string, team: string, role: 'employee' | 'admin' = 'employee') => ({
    id,
    displayName: id,
    team,
    teamName: team,
    role,
    locale: 'en',
    timeZone: 'UTC',
    avatarUrl: null,
    policyAcceptedAt: null,
    policyVersionAccepted: null,
  });
  return {
    teams: [
      { id: 'red', name: 'Red' },
      { id: 'blue', name: 'Blue' },
    ],
    employees: [employee('ann', 'red'), employee('bob', 'blue'), employee('cat', 'red', 'admin')],
    topics: [
      { id: 'news', names: { en: 'News' } },
      { id: 'jobs', names: { en: 'Jobs' } },
    ],
    posts,
    shares: [],
    suggestions: [],
  };
}

function post(id: string, patch: Partial<Post> = {}): Post {
  return {
    id,
    kind: 'curated',
    status: 'published',
    title: id,
    summary: '',
    url: `https://example.com/${id}`,
    imageUrl: null,
    source: 'Example',
    locale: 'en',
    suggestedCommentary: {},
    hashtags: [],
    topics: ['news'],
    audience: { teams: [], roles: [] },
    networks: [],
    publishAt: ago(1),
    expireAt: null,
    createdAt: ago(2),
    updatedAt: ago(2),
    ...patch,
  };
}

const input = (patch: Partial<PostInput> = {}): PostInput => ({
  kind: 'owned',
  title: 'Launch',
  summary: 'We launched',
  url: 'https://example.com/launch',
  locale: 'en',
  ...patch,
});

async function rejection(promise: Promise<unknown>): Promise<AdvocacyError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AdvocacyError, `expected an AdvocacyError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to reject');
}

describe('memoryBackend feed', () => {
  it('pages through every visible post newest first, without gaps or duplicates, even when posts are added between pages', async () => {
    // 45 posts, several sharing one publish time so the id breaks the tie.
    const posts = Array.from({ length: 45 }, (_, i) => post(`p${String(i).padStart(2, '0')}`, { publishAt: ago(1 + Math.floor(i / 3)) }));
    const clock = { now: NOW };
    const backend = memoryBackend({ seed: smallSeed(posts), employeeId: 'cat', now: () => clock.now });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await backend.listFeed({ limit: 7, cursor });
      seen.push(...page.items.map((p) => p.id));
      cursor = page.nextCursor;
      if (pages++ === 1) await backend.admin.createPost(input({ title: 'Inserted while paging' }));
    } while (cursor);
    const expected = [...posts].sort((a, b) => (a.publishAt === b.publishAt ? (a.id < b.id ? 1 : -1) : a.publishAt < b.publishAt ? 1 : -1));
    assert.deepEqual(
      seen,
      expected.map((p) => p.id),
    );
    assert.equal(new Set(seen).size, 45);
    assert.equal(pages, 7);
  });

  it('shows only published, current posts for the employee’s audience, and filters by topic and locale', async () => {
    const backend = memoryBackend({
      now: () => NOW,
      employeeId: 'ann',
      seed: smallSeed([
        post('everyone'),
        post('future', { publishAt: new Date(NOW.getTime() + DAY).toISOString() }),
        post('expired', { expireAt: ago(0.5) }),
        post('draft', { status: 'draft' }),
        post('archived', { status: 'archived' }),
        post('red-team', { audience: { teams: ['red'], roles: [] } }),
        post('blue-team', { audience: { teams: ['blue'], roles: [] } }),
        post('admins', { audience: { teams: [], roles: ['admin'] } }),
        post('jobs', { topics: ['jobs'] }),
        post('japanese', { locale: 'ja' }),
      ]),
    });
    const ids = async (query = {}) => (await backend.listFeed(query)).items.map((p) => p.id).sort();
    assert.deepEqual(await ids(), ['everyone', 'japanese', 'jobs', 'red-team']);
    assert.deepEqual(await ids({ topic: 'jobs' }), ['jobs']);
    assert.deepEqual(await ids({ locale: 'ja' }), ['japanese']);
    assert.deepEqual((await backend.as('bob').listFeed()).items.map((p) => p.id).sort(), ['blue-team', 'everyone', 'japanese', 'jobs']);
    assert.ok((await backend.as('cat').listFeed()).items.some((p) => p.id === 'admins'));
    assert.equal((await rejection(backend.getPost('blue-team'))).code, 'not_found');
  });

  it('returns copies: changing a result does not change the backend', async () => {
    const backend = memoryBackend({ seed: smallSeed([post('a')]), now: () => NOW });
    const first = await backend.listFeed();
    first.items[0]!.title = 'changed';
    assert.equal((await backend.getPost('a')).title, 'a');
  });
});

describe('memoryBackend shares and points', () => {
  it('records the same share retried three times once, with one points award', async () => {
    const backend = memoryBackend({
      seed: smallSeed([post('a')]),
      employeeId: 'ann',
      now: () => NOW,
      trackingBaseUrl: 'https://go.example.com/',
    });
    const request = { postId: 'a', network: 'linkedin' as const, commentary: 'Worth a read', idempotencyKey: 'key-1' };
    const results = [await backend.createShare(request), await backend.createShare(request), await backend.createShare(request)];
    assert.equal(new Set(results.map((s) => s.id)).size, 1);
    assert.equal(results[0]!.pointsAwarded, 10);
    assert.match(results[0]!.trackingCode, /^[A-Za-z0-9_-]{11,}$/);
    assert.equal(results[0]!.trackingUrl, `https://go.example.com/r/${results[0]!.trackingCode}`);
    assert.equal((await backend.listMyShares()).items.length, 1);
    const points = (await backend.listMyPoints()).items;
    assert.deepEqual(
      points.map((p) => [p.reason, p.reference, p.delta]),
      [['share', 'ann:a:linkedin', 10]],
    );
  });

  it('refuses an idempotency key reused for a different share with conflict, and still replays the original', async () => {
    const backend = memoryBackend({ seed: smallSeed([post('a'), post('b')]), employeeId: 'ann', now: () => NOW });
    const request = { postId: 'a', network: 'linkedin' as const, commentary: 'Worth a read', idempotencyKey: 'key-1' };
    const original = await backend.createShare(request);
    for (const different of [{ commentary: 'Changed my mind' }, { network: 'x' as const }, { postId: 'b' }]) {
      const error = await rejection(backend.createShare({ ...request, ...different }));
      assert.deepEqual([error.code, error.status], ['conflict', 409], JSON.stringify(different));
    }
    assert.deepEqual(await backend.createShare(request), original);
    assert.deepEqual(
      (await backend.listMyShares()).items.map((s) => s.id),
      [original.id],
    );
    assert.deepEqual(
      (await backend.listMyPoints()).items.map((p) => p.delta),
      [10],
    );
    // Keys belong to one employee, and share keys are apart from suggestion keys.
    const bobs = await backend.as('bob').createShare({ ...request, commentary: 'Mine' });
    assert.notEqual(bobs.id, original.id);
    assert.equal((await backend.createSuggestion({ url: 'https://example.com/s', note: '', topics: [] }, 'key-1')).status, 'pending');
  });

  it('answers a repeat share of a post to the same network with the existing share and link, and no new points', async () => {
    const backend = memoryBackend({ seed: smallSeed([post('a')]), employeeId: 'ann', now: () => NOW });
    const share = (key: string, network: 'x' | 'linkedin', commentary = '') =>
      backend.createShare({ postId: 'a', network, commentary, idempotencyKey: key });
    const first = await share('1', 'x');
    assert.equal(first.pointsAwarded, 10);
    const repeat = { ...first, pointsAwarded: 0 };
    assert.deepEqual(await share('2', 'x', 'New words'), repeat);
    assert.deepEqual(await share('2', 'x', 'New words'), repeat, 'the repeat key replays its answer');
    assert.deepEqual(await share('1', 'x'), first, 'the first key still replays its own');
    assert.equal((await rejection(share('2', 'x', 'Other words'))).status, 409);
    assert.equal((await share('3', 'linkedin')).pointsAwarded, 10);
    assert.equal((await backend.listMyShares()).items.length, 2);
    assert.deepEqual(
      (await backend.listMyPoints()).items.map((p) => p.delta),
      [10, 10],
    );
  });

  it("caps click points per post and day across the employee's shares, one award per network", async () => {
    const backend = memoryBackend({ seed: smallSeed([post('a')]), employeeId: 'ann', now: () => NOW });
    const codes = await Promise.all(
      (['x', 'linkedin', 'facebook'] as const).map(
        async (network) => (await backend.createShare({ postId: 'a', network, commentary: '', idempotencyKey: network })).trackingCode,
      ),
    );
    assert.equal(backend.recordClick(codes[0]!, { visitorId: 'v1', network: 'n1' }).pointsAwarded, 5);
    assert.equal(backend.recordClick(codes[1]!, { visitorId: 'v2', network: 'n1' }).pointsAwarded, 0, 'the same network on another share');
    let visitor = 2;
    for (const code of codes) for (let i = 0; i < 8; i++) backend.recordClick(code, { visitorId: `v${++visitor}` });
    const clicks = (await backend.listMyPoints({ limit: 100 })).items.filter((p) => p.reason === 'click');
    assert.equal(
      clicks.reduce((sum, p) => sum + p.delta, 0),
      50,
    );
  });

  it('counts unique human clicks with 5 points each, capped at 50 points per post per day', async () => {
    const backend = memoryBackend({ seed: smallSeed([post('a')]), employeeId: 'ann', now: () => NOW });
    const share = await backend.createShare({ postId: 'a', network: 'x', commentary: '', idempotencyKey: 'k' });
    const bot = backend.recordClick(share.trackingCode, { userAgent: 'LinkedInBot/1.0', visitorId: 'v0' });
    assert.deepEqual([bot.counted, bot.pointsAwarded], [false, 0]);
    assert.match(bot.destination, /utm_source=x/);
    assert.equal(backend.recordClick(share.trackingCode, { visitorId: 'v1' }).pointsAwarded, 5);
    assert.equal(backend.recordClick(share.trackingCode, { visitorId: 'v1' }).counted, false);
    for (let i = 2; i <= 12; i++) backend.recordClick(share.trackingCode, { visitorId: `v${i}` });
    const clicks = (await backend.listMyPoints({ limit: 100 })).items.filter((p) => p.reason === 'click');
    assert.equal(
      clicks.reduce((sum, p) => sum + p.delta, 0),
      50,
    );
    assert.equal((await backend.getMyStats('week')).clicks, 12);
  });

  it('awards points, caps clicks and sets badge targets by the rules it is given', async () => {
    const rules = { points: { share: 3, click: 5, clickDailyCapPerPost: 12 }, badges: { tenShares: 2 } };
    const backend = memoryBackend({ seed: smallSeed([post('a')]), employeeId: 'ann', now: () => NOW, rules });
    const share = await backend.createShare({ postId: 'a', network: 'x', commentary: '', idempotencyKey: 'k' });
    assert.equal(share.pointsAwarded, 3);
    const awarded = [1, 2, 3].map((i) => backend.recordClick(share.trackingCode, { visitorId: `v${i}` }).pointsAwarded);
    assert.deepEqual(awarded, [5, 5, 0]);
    const clicks = (await backend.listMyPoints()).items.filter((p) => p.reason === 'click');
    assert.deepEqual(clicks.map((p) => p.reference).sort(), [
      `ann:a:${NOW.toISOString().slice(0, 10)}:1`,
      `ann:a:${NOW.toISOString().slice(0, 10)}:2`,
    ]);
    assert.equal((await backend.listMyBadges!()).find((b) => b.id === 'ten_shares')!.target, 2);
  });

  it('counts a conversion once per externalId and awards 50 points', async () => {
    const backend = memoryBackend({ seed: smallSeed([post('a')]), employeeId: 'ann', now: () => NOW });
    const share = await backend.createShare({ postId: 'a', network: 'x', commentary: '', idempotencyKey: 'k' });
    const input = { code: share.trackingCode, type: 'lead' as const, value: 100, currency: 'EUR', externalId: 'crm-1' };
    const [a, b] = [await backend.recordConversion(input), await backend.recordConversion(input)];
    assert.equal(a.id, b.id);
    const changed = await rejection(backend.recordConversion({ ...input, value: 999 }));
    assert.deepEqual([changed.code, changed.status], ['conflict', 409]);
    const stats = await backend.getMyStats('month');
    assert.deepEqual([stats.conversions, stats.conversionValue, stats.points], [1, 100, 60]);
  });

  it("gives the window's conversion value per currency, biggest first, never added across currencies", async () => {
    let clock = new Date(ago(40));
    const backend = memoryBackend({ seed: smallSeed([post('a', { publishAt: ago(50) })]), employeeId: 'ann', now: () => clock });
    const share = await backend.createShare({ postId: 'a', network: 'x', commentary: '', idempotencyKey: 'k' });
    const convert = (externalId: string, value?: number, currency?: string) =>
      backend.recordConversion({ code: share.trackingCode, type: 'deal', externalId, value, currency });
    // Outside the window: 40 days ago.
    await convert('old', 900, 'EUR');
    clock = new Date(ago(3));
    await convert('yen-1', 120_000, 'JPY');
    await convert('usd-1', 19.5, 'USD');
    await convert('usd-2', 0.25, 'USD');
    await convert('gbp-1', 19.75, 'GBP');
    await convert('yen-2', 30_000, 'JPY');
    await convert('no-value');
    clock = NOW;
    const summary = await backend.as('cat').admin.getAnalytics({ from: ago(30), to: NOW.toISOString() });
    assert.deepEqual(summary.conversionValueByCurrency, [
      { currency: 'JPY', value: 150_000 },
      { currency: 'GBP', value: 19.75 },
      { currency: 'USD', value: 19.75 },
    ]);
    assert.equal(summary.conversions, 6);
    const older = await backend.as('cat').admin.getAnalytics({ from: ago(60), to: ago(31) });
    assert.deepEqual(older.conversionValueByCurrency, [{ currency: 'EUR', value: 900 }]);
  });

  it('refuses a conversion with an unknown referral code as a field error on code', async () => {
    const backend = memoryBackend({ seed: smallSeed([post('a')]), employeeId: 'ann', now: () => NOW });
    const error = await rejection(backend.recordConversion({ code: 'no-such-code', type: 'lead', externalId: 'crm-9' }));
    assert.deepEqual([error.code, error.status], ['validation', 422]);
    assert.deepEqual(
      error.fieldErrors.map((f) => [f.field, f.code]),
      [['code', 'unknown_code']],
    );
    // The refused external id stays free for the right code.
    const share = await backend.createShare({ postId: 'a', network: 'x', commentary: '', idempotencyKey: 'k' });
    assert.equal(
      (await backend.recordConversion({ code: share.trackingCode, type: 'lead', externalId: 'crm-9' })).code,
      share.trackingCode,
    );
  });

  it('rejects invalid shares with field errors', async () => {
    const backend = memoryBackend({ seed: smallSeed([post('a', { networks: ['linkedin'] })]), employeeId: 'ann', now: () => NOW });
    const tooLong = await rejection(
      backend.createShare({ postId: 'a', network: 'linkedin', commentary: 'x'.repeat(3001), idempotencyKey: 'k' }),
    );
    assert.equal(tooLong.code, 'validation');
    assert.deepEqual(
      tooLong.fieldErrors.map((f) => [f.field, f.code]),
      [['commentary', 'too_long']],
    );
    const unknown = await rejection(backend.createShare({ postId: 'a', network: 'myspace' as never, commentary: '', idempotencyKey: 'k' }));
    assert.equal(unknown.fieldErrors[0]!.field, 'network');
    assert.equal(
      (await rejection(backend.createShare({ postId: 'a', network: 'x', commentary: '', idempotencyKey: 'k2' }))).code,
      'validation',
    );
  });
});

describe('memoryBackend leaderboard and stats', () => {
  it('lists the top N and still returns me with my rank when I am outside it', async () => {
    const posts = [post('a'), post('b'), post('c')];
    const seed = smallSeed(posts);
    seed.employees.push(...['dan', 'eve', 'fay'].map((id) => ({ ...seed.employees[0]!, id, displayName: id })));
    const backend = memoryBackend({ seed, employeeId: 'ann', now: () => NOW });
    const shareAll = async (id: string, count: number) => {
      const as = backend.as(id);
      const networks = ['linkedin', 'x', 'facebook'] as const;
      for (let i = 0; i < count; i++) {
        await as.createShare({
          postId: posts[i % 3]!.id,
          network: networks[Math.floor(i / 3)]!,
          commentary: '',
          idempotencyKey: `${id}${i}`,
        });
      }
    };
    await shareAll('bob', 5);
    await shareAll('dan', 4);
    await shareAll('eve', 4); // ties with dan: same rank, stable order by id
    await shareAll('fay', 3);
    await shareAll('ann', 1);
    const board = await backend.getLeaderboard({ period: 'week', scope: 'company', limit: 3 });
    assert.deepEqual(
      board.entries.map((e) => [e.rank, e.employeeId, e.points]),
      [
        [1, 'bob', 50],
        [2, 'dan', 40],
        [2, 'eve', 40],
      ],
    );
    assert.deepEqual([board.me?.rank, board.me?.points], [5, 10]);
    assert.equal(board.participants, 5);
    const team = await backend.getLeaderboard({ period: 'week', scope: 'team', limit: 3 });
    assert.deepEqual(
      team.entries.map((e) => e.employeeId),
      ['dan', 'eve', 'fay'],
    );
    assert.equal(team.me?.rank, 4);
    assert.equal((await backend.getMyStats('week')).rank, 5);
  });

  it('counts only points inside the period', async () => {
    const clock = { now: NOW };
    const backend = memoryBackend({ seed: smallSeed([post('a', { publishAt: ago(60) })]), employeeId: 'ann', now: () => clock.now });
    clock.now = new Date(NOW.getTime() - 20 * DAY);
    await backend.createShare({ postId: 'a', network: 'x', commentary: '', idempotencyKey: 'old' });
    clock.now = NOW;
    await backend.createShare({ postId: 'a', network: 'linkedin', commentary: '', idempotencyKey: 'new' });
    const points = async (period: 'week' | 'month') => (await backend.getLeaderboard({ period, scope: 'company' })).me?.points;
    assert.equal(await points('week'), 10);
    assert.equal(await points('month'), 20);
    const stats = await backend.getMyStats('week');
    // The last 7 × 24 hours touch 8 UTC days: from 2026-06-08 12:00 to 2026-06-15 12:00.
    assert.deepEqual([stats.series.length, stats.series[0]!.date, stats.series.at(-1)!.date], [8, '2026-06-08', '2026-06-15']);
    assert.equal(stats.series.at(-1)!.points, 10);
  });
});

describe('memoryBackend stats series', () => {
  /** The chart must match the headline: each series adds up to its total. */
  const assertSeriesAddsUp = (stats: MyStats, who: string) => {
    const sum = (field: 'points' | 'clicks' | 'shares') => stats.series.reduce((total, point) => total + point[field], 0);
    assert.deepEqual(
      { points: sum('points'), clicks: sum('clicks'), shares: sum('shares') },
      { points: stats.points, clicks: stats.clicks, shares: stats.shares },
      `${who}, ${stats.period}: the series sums to the totals`,
    );
  };

  it('adds up to the totals in every period for everyone in the demo company, whatever the time of day', async () => {
    // Midday, just after midnight UTC, a Monday morning and a Sunday night: the rolling windows start mid-day or mid-week.
    const nows = [
      '2026-06-15T12:00:00.000Z',
      '2026-06-15T00:00:00.000Z',
      '2026-06-15T00:30:00.000Z',
      '2026-06-14T23:59:59.999Z',
      '2026-11-27T03:56:54.036Z',
    ];
    for (const iso of nows) {
      const now = new Date(iso);
      const backend = memoryBackend({ now: () => now });
      for (const { id } of demoSeed(now).employees) {
        for (const period of PERIODS) {
          const stats = await backend.as(id).getMyStats(period);
          assertSeriesAddsUp(stats, `${id} at ${iso}`);
        }
      }
    }
    // The demo employee has points, clicks and shares this week, so the check above had something to add.
    const week = await memoryBackend({ now: () => NOW }).getMyStats('week');
    assert.ok(week.points > 0 && week.clicks > 0 && week.shares > 0);
  });

  it('counts activity on the first, partial day or week of the window in the first bucket', async () => {
    const clock = { now: NOW };
    const at = (iso: string) => {
      clock.now = new Date(iso);
    };
    const backend = memoryBackend({ seed: smallSeed([post('a', { publishAt: ago(200) })]), employeeId: 'ann', now: () => clock.now });
    const share = (network: NetworkId) => backend.createShare({ postId: 'a', network, commentary: '', idempotencyKey: network });
    // The week runs from 2026-06-08 12:00 to 2026-06-15 12:00; the quarter from Tuesday 2026-03-17 12:00.
    at('2026-03-17T11:00:00.000Z');
    await share('x'); // before the quarter: all time only
    at('2026-03-17T13:00:00.000Z');
    await share('linkedin'); // the quarter's first, partial week (Monday 2026-03-16)
    at('2026-06-08T11:00:00.000Z');
    await share('facebook'); // before the week, in the month
    at('2026-06-08T13:00:00.000Z');
    const inWeek = await share('threads'); // the week's first, partial day
    backend.recordClick(inWeek.trackingCode, { visitorId: 'v1', at: '2026-06-08T12:00:00.000Z' }); // on the window's edge
    backend.recordClick(inWeek.trackingCode, { visitorId: 'v2', at: '2026-06-08T23:00:00.000Z' });
    at(NOW.toISOString());
    await share('bluesky'); // today

    const stats = Object.fromEntries(await Promise.all(PERIODS.map(async (p) => [p, await backend.getMyStats(p)] as const)));
    for (const period of PERIODS) assertSeriesAddsUp(stats[period]!, 'ann');
    const totals = (s: MyStats) => [s.points, s.shares, s.clicks];
    assert.deepEqual(totals(stats.week!), [30, 2, 2]);
    assert.deepEqual(stats.week!.series[0], { date: '2026-06-08', points: 20, shares: 1, clicks: 2 });
    assert.deepEqual(totals(stats.month!), [40, 3, 2]);
    assert.deepEqual(totals(stats.quarter!), [50, 4, 2]);
    assert.deepEqual(stats.quarter!.series[0], { date: '2026-03-16', points: 10, shares: 1, clicks: 0 });
    assert.deepEqual(totals(stats.all!), [60, 5, 2]);
    assert.equal(stats.all!.series[0]!.date, '2026-03-16');
  });

  it('is one empty bucket for all time without any activity', async () => {
    const stats = await memoryBackend({ seed: smallSeed(), employeeId: 'ann', now: () => NOW }).getMyStats('all');
    assert.deepEqual(stats.series, [{ date: '2026-06-15', points: 0, shares: 0, clicks: 0 }]);
  });
});

describe('memoryBackend suggestions, events and admin', () => {
  it('approving a suggestion creates a post and awards 20 points once; rejecting needs a reason', async () => {
    const backend = memoryBackend({ seed: smallSeed(), employeeId: 'ann', now: () => NOW });
    const suggestion = await backend.createSuggestion({ url: 'https://example.com/story', note: 'Great story', topics: ['news'] });
    const admin = backend.as('cat');
    const approved = await admin.admin.reviewSuggestion(suggestion.id, { decision: 'approve' });
    assert.equal(approved.status, 'approved');
    assert.equal((await backend.getPost(approved.postId!)).url, 'https://example.com/story');
    assert.equal((await rejection(admin.admin.reviewSuggestion(suggestion.id, { decision: 'approve' }))).code, 'conflict');
    assert.deepEqual(
      (await backend.listMyPoints()).items.map((p) => [p.reason, p.delta]),
      [['suggestion', 20]],
    );
    const other = await backend.createSuggestion({ url: 'https://example.com/2', note: '', topics: [] });
    assert.equal((await rejection(admin.admin.reviewSuggestion(other.id, { decision: 'reject', reason: ' ' }))).code, 'validation');
    const rejected = await admin.admin.reviewSuggestion(other.id, { decision: 'reject', reason: 'Off topic' });
    assert.deepEqual([rejected.status, rejected.reviewReason], ['rejected', 'Off topic']);
  });

  it('replays a suggestion retried with the same key and refuses the key for a different one', async () => {
    const backend = memoryBackend({ seed: smallSeed(), employeeId: 'ann', now: () => NOW });
    const input = { url: 'https://example.com/story', note: 'Great story', topics: ['news'] };
    const first = await backend.createSuggestion(input, 'key-1');
    assert.deepEqual(await backend.createSuggestion({ ...input, topics: ['news'] }, 'key-1'), first);
    for (const different of [{ note: 'Another story' }, { url: 'https://example.com/other' }, { topics: ['news', 'jobs'] }]) {
      assert.equal(
        (await rejection(backend.createSuggestion({ ...input, ...different }, 'key-1'))).code,
        'conflict',
        JSON.stringify(different),
      );
    }
    assert.deepEqual(
      (await backend.listMySuggestions()).items.map((s) => s.id),
      [first.id],
    );
  });

  it('rejects bad suggestions with field errors', async () => {
    const backend = memoryBackend({ seed: smallSeed(), employeeId: 'ann', now: () => NOW });
    const error = await rejection(backend.createSuggestion({ url: 'not a url', note: '', topics: ['nope'] }));
    assert.deepEqual(
      error.fieldErrors.map((f) => f.field),
      ['url', 'topics.0'],
    );
  });

  it('counts each event id once', async () => {
    const backend = memoryBackend({ seed: smallSeed(), now: () => NOW });
    const event = { id: 'e1', type: 'feed_view' as const, at: NOW.toISOString() };
    assert.deepEqual(await backend.sendEvents([event]), { accepted: 1, duplicates: 0 });
    assert.deepEqual(await backend.sendEvents([event, { ...event, id: 'e2' }]), { accepted: 1, duplicates: 1 });
  });

  it('admin methods are forbidden to employees and validate posts', async () => {
    const backend = memoryBackend({ seed: smallSeed(), employeeId: 'ann', now: () => NOW });
    assert.equal((await rejection(backend.admin.createPost(input()))).code, 'forbidden');
    const admin = backend.as('cat').admin;
    const error = await rejection(
      admin.createPost(input({ title: ' ', url: 'ftp://x', topics: ['nope'], networks: ['myspace' as never] })),
    );
    assert.equal(error.code, 'validation');
    assert.deepEqual(
      error.fieldErrors.map((f) => f.field),
      ['title', 'url', 'topics.0', 'networks.0'],
    );
    const scheduled = await admin.createPost(input({ publishAt: new Date(NOW.getTime() + DAY).toISOString() }));
    assert.equal(scheduled.status, 'scheduled');
    assert.equal((await backend.listFeed()).items.length, 0);
    const archived = await admin.archivePost(scheduled.id);
    assert.equal(archived.status, 'archived');
    const summary = await admin.getAnalytics({ from: '2026-06-01', to: '2026-06-15' });
    assert.equal(summary.employees, 3);
  });

  it('fail() makes calls reject until cleared', async () => {
    const backend = memoryBackend({ seed: smallSeed(), now: () => NOW });
    backend.fail('network');
    assert.equal((await rejection(backend.getMe())).code, 'network');
    backend.fail(null);
    assert.equal((await backend.getMe()).id, 'ann');
  });
});

describe('demoSeed', () => {
  it('is the same for the same now and follows the 6-3-1 mix', () => {
    const a = demoSeed(NOW);
    assert.deepEqual(demoSeed(NOW), a);
    const count = (kind: string) => a.posts.filter((p) => p.kind === kind).length;
    assert.deepEqual([count('curated'), count('owned'), count('promotional')], [18, 9, 3]);
    assert.equal(a.employees.filter((e) => e.role === 'admin').length, 1);
    assert.ok(a.shares.every((s) => s.createdAt <= NOW.toISOString()));
  });

  it('gives the demo backend a non-empty feed, leaderboard and stats', async () => {
    const backend = memoryBackend({ now: () => NOW });
    const feed = await backend.listFeed({ limit: 100 });
    assert.ok(feed.items.length >= 20);
    assert.ok(feed.items.every((p) => p.status === 'published'));
    assert.ok((await backend.getLeaderboard({ period: 'month', scope: 'company' })).entries.length >= 5);
    assert.ok((await backend.getMyStats('quarter')).points > 0);
  });
});

describe('memoryBackend demo teams', () => {
  it('names the demo teams in the employee’s language, and admins see every name', async () => {
    const backend = memoryBackend({ seed: demoSeed(), employeeId: 'emp-kenji' });
    assert.deepEqual(
      (await backend.listTeams()).map((team) => team.name),
      ['マーケティング部', '開発部', '営業部'],
    );
    const english = memoryBackend({ seed: demoSeed(), employeeId: 'emp-emily' });
    assert.deepEqual(
      (await english.listTeams()).map((team) => team.name),
      ['Marketing', 'Engineering', 'Sales'],
    );
    const admin = memoryBackend({ seed: demoSeed(), employeeId: 'emp-haruka' }).admin!;
    const named = await admin.listTeams!();
    assert.deepEqual(named.find((team) => team.id === 'team-engineering')!.names, { en: 'Engineering', ja: '開発部' });
  });
});
