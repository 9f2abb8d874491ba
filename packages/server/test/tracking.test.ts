import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';

const HUMAN = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const CRAWLERS = [
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  'Twitterbot/1.0',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  'WhatsApp/2.23.20.0',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
];

forEachDatabase('tracking redirect', (open) => {
  let h: Harness;
  let token: string;
  let share: { id: string; trackingCode: string; trackingUrl: string };

  const uniqueClicks = async () => {
    await h.advocacy.flush();
    const row = await h.advocacy.services.db
      .selectFrom('clicks')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('share_id', '=', share.id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const visit = (code: string, userAgent: string, ip: string, method = 'GET') =>
    h.request(method, `/r/${code}`, { headers: { 'user-agent': userAgent, 'x-forwarded-for': ip } });

  before(async () => {
    h = await startHarness(await open());
    token = await signToken('emp-ann');
    share = await json(
      await h.request('POST', `${API}/shares`, {
        token,
        headers: { 'idempotency-key': 'track-1' },
        body: { postId: 'p-1', network: 'linkedin', commentary: 'Read this' },
      }),
      201,
    );
  });
  after(() => h.close());

  it('issues a tracking URL on the public base with a 16-character random code', () => {
    assert.match(share.trackingCode, /^[A-Za-z0-9_-]{16}$/);
    assert.equal(share.trackingUrl, `https://go.example.test/r/${share.trackingCode}`);
  });

  it('redirects a human to the registered URL with UTM parameters and the referral code', async () => {
    const response = await visit(share.trackingCode, HUMAN, '198.51.100.1');
    assert.equal(response.status, 302);
    const location = new URL(response.headers.get('location')!);
    assert.equal(`${location.origin}${location.pathname}`, 'https://example.com/articles/p-1');
    assert.equal(location.searchParams.get('ref'), 'feed');
    assert.equal(location.searchParams.get('utm_source'), 'linkedin');
    assert.equal(location.searchParams.get('utm_medium'), 'employee_advocacy');
    assert.equal(location.searchParams.get('utm_campaign'), 'p-1');
    assert.equal(location.searchParams.get('utm_content'), share.id);
    assert.equal(location.searchParams.get('adv_ref'), share.trackingCode);
    assert.equal(location.hash, '#top');
    assert.equal(await uniqueClicks(), 1);
  });

  it('counts the same visitor twice in a day as one unique click', async () => {
    await visit(share.trackingCode, HUMAN, '198.51.100.2');
    await visit(share.trackingCode, HUMAN, '198.51.100.2');
    assert.equal(await uniqueClicks(), 2);
  });

  it('redirects social crawlers but counts nothing', async () => {
    for (const [index, userAgent] of CRAWLERS.entries()) {
      const response = await visit(share.trackingCode, userAgent, `203.0.113.${index}`);
      assert.equal(response.status, 302, userAgent);
      assert.ok(response.headers.get('location')?.startsWith('https://example.com/articles/p-1'));
    }
    assert.equal(await uniqueClicks(), 2);
  });

  it('answers HEAD with the redirect and counts nothing', async () => {
    const response = await visit(share.trackingCode, HUMAN, '198.51.100.99', 'HEAD');
    assert.equal(response.status, 302);
    assert.ok(response.headers.get('location')?.startsWith('https://example.com/'));
    assert.equal(await uniqueClicks(), 2);
  });

  it('answers an edited or malformed code with a 404 page, never a redirect', async () => {
    const last = share.trackingCode.at(-1)!;
    const edited = share.trackingCode.slice(0, -1) + (last === 'A' ? 'B' : 'A');
    for (const code of [edited, share.trackingCode.slice(0, 10), `${share.trackingCode}x`, '..%2F..%2Fetc', 'https%3A%2F%2Fevil.example']) {
      const response = await visit(code, HUMAN, '198.51.100.3');
      assert.equal(response.status, 404, code);
      assert.equal(response.headers.get('location'), null);
      assert.match(response.headers.get('content-type')!, /text\/html/);
      assert.match(await response.text(), /Link not found/);
    }
    assert.equal(await uniqueClicks(), 2);
  });

  it('awards 5 points per unique human click, capped at 50 per employee, post and day', async () => {
    for (let i = 0; i < 15; i++) await visit(share.trackingCode, HUMAN, `192.0.2.${i}`);
    assert.equal(await uniqueClicks(), 17);
    const points = await json(await h.request('GET', `${API}/me/points?limit=100`, { token }), 200);
    const clickPoints = points.items.filter((entry: { reason: string }) => entry.reason === 'click');
    assert.equal(clickPoints.length, 10);
    assert.equal(
      clickPoints.reduce((sum: number, entry: { delta: number }) => sum + entry.delta, 0),
      50,
    );
    const stats = await json(await h.request('GET', `${API}/me/stats?period=week`, { token }), 200);
    assert.equal(stats.clicks, 17);
    assert.equal(stats.points, 10 + 50);
  });

  it('keeps redirecting after the post is archived', async () => {
    const admin = await signToken('emp-ada', { admin: true });
    await json(await h.request('POST', `${API}/admin/posts/p-1/archive`, { token: admin }), 200);
    const response = await visit(share.trackingCode, HUMAN, '198.51.100.4');
    assert.equal(response.status, 302);
  });
});
