import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { API, json, signToken, startHarness, type Harness } from './support/harness.js';
import { assertSchema } from './support/schema.js';
import { PATCH_OP, SCIM_TOKEN, scimRequest, USER } from './support/scim.js';

// GET /me/shares with results, GET /me/points in words, the feed's `sharedNetworks`, and the
// language and time zone in PUT /me/preferences.
forEachDatabase('self-service: my history and preferences', (open) => {
  let h: Harness;
  let ann: string;
  let bob: string;
  let ada: string;
  const get = (path: string, token: string) => h.request('GET', `${API}${path}`, { token });
  const share = async (token: string, postId: string, network: string, key: string) =>
    json(
      await h.request('POST', `${API}/shares`, { token, body: { postId, network, commentary: '' }, headers: { 'idempotency-key': key } }),
      201,
    );

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    bob = await signToken('emp-bob');
    ada = await signToken('emp-ada', { admin: true });
  });
  after(() => h.close());

  describe('my shares', () => {
    it('lists each share with its post title, unique clicks, conversions and the points it earned', async () => {
      const page = await json(await get('/me/shares', bob), 200);
      assertSchema('MySharePage', page);
      assert.equal(page.items.length, 1);
      const [seeded] = page.items;
      assert.equal(seeded.postTitle, 'Post p-1');
      assert.equal(seeded.network, 'x');
      assert.equal(seeded.clicks, 3);
      assert.equal(seeded.conversions, 1);
      const rules = h.config.rules.points;
      assert.equal(seeded.points, rules.share + rules.conversion);
    });

    it('pages newest first', async () => {
      await share(ann, 'p-1', 'linkedin', 'ss-1');
      await share(ann, 'p-2', 'x', 'ss-2');
      const first = await json(await get('/me/shares?limit=1', ann), 200);
      assert.equal(first.items.length, 1);
      assert.equal(first.items[0].postId, 'p-2');
      assert.equal(first.items[0].clicks, 0);
      assert.equal(first.items[0].points, h.config.rules.points.share);
      const second = await json(await get(`/me/shares?limit=1&cursor=${first.nextCursor}`, ann), 200);
      assert.deepEqual(
        second.items.map((item: { postId: string }) => item.postId),
        ['p-1'],
      );
    });
  });

  describe('my points ledger', () => {
    it('tells each row by the post and network or the reward it is about, and sums to my balance', async () => {
      await json(
        await h.request('POST', `${API}/admin/points/adjustments`, {
          token: ada,
          body: { employeeId: 'emp-bob', delta: 5, reason: 'Talk at the meetup' },
        }),
        201,
      );
      const page = await json(await get('/me/points?limit=100', bob), 200);
      assertSchema('MyPointsPage', page);
      const byReason = (reason: string) => page.items.filter((row: { reason: string }) => row.reason === reason);
      const [shared] = byReason('share');
      assert.equal(shared.postTitle, 'Post p-1');
      assert.equal(shared.network, 'x');
      assert.ok(byReason('click').length > 0 && byReason('click').every((row: { postId: string }) => row.postId === 'p-1'));
      const [converted] = byReason('conversion');
      assert.equal(converted.postId, 'p-1');
      assert.equal(converted.network, 'x');
      const [manual] = byReason('manual');
      assert.equal(manual.note, 'Talk at the meetup');
      assert.equal(manual.postId, null);
      const balance = await json(await get('/me/points/balance', bob), 200);
      const sum = page.items.reduce((total: number, row: { delta: number }) => total + row.delta, 0);
      assert.equal(sum, balance.balance);
    });

    it('names the reward a hold is for', async () => {
      const reward = await json(
        await h.request('POST', `${API}/admin/rewards`, { token: ada, body: { name: { en: 'Mug', ja: 'マグ' }, cost: 5 } }),
        201,
      );
      await json(await h.request('POST', `${API}/rewards/${reward.id}/requests`, { token: bob }), 201);
      const page = await json(await get('/me/points', bob), 200);
      const hold = page.items.find((row: { reason: string }) => row.reason === 'reward_hold');
      assert.deepEqual(hold.rewardName, { en: 'Mug', ja: 'マグ' });
      assert.equal(hold.delta, -5);
    });
  });

  describe('the feed says which posts I shared', () => {
    it('lists the networks of my own shares on each post, and nothing on the others', async () => {
      const feed = await json(await get('/feed', ann), 200);
      assertSchema('PostPage', feed);
      const byId = new Map(feed.items.map((post: { id: string; sharedNetworks: string[] }) => [post.id, post.sharedNetworks]));
      assert.deepEqual(byId.get('p-1'), ['linkedin']);
      assert.deepEqual(byId.get('p-2'), ['x']);
      // Bob shared p-1 to x: that is his, not Ann's, and the other way round.
      const bobs = await json(await get('/feed', bob), 200);
      assert.deepEqual(bobs.items.find((post: { id: string }) => post.id === 'p-1').sharedNetworks, ['x']);
      assert.deepEqual((await json(await get('/posts/p-1', ann), 200)).sharedNetworks, ['linkedin']);
    });

    it('lists each network once, in order, when a post went to several (and twice to one)', async () => {
      const db = h.advocacy.services.db;
      const first = await db
        .selectFrom('shares')
        .selectAll()
        .where('employee_id', '=', 'emp-ann')
        .where('post_id', '=', 'p-1')
        .executeTakeFirstOrThrow();
      const copy = (id: string, network: string, firstToNetwork: number) => ({
        ...first,
        id,
        network,
        idempotency_key: `key-${id}`,
        tracking_code: `code-${id}`,
        first_to_network: firstToNetwork,
      });
      await db
        .insertInto('shares')
        .values([copy('shr-feed-a', 'facebook', 1), copy('shr-feed-b', 'facebook', 0)])
        .execute();
      const feed = await json(await get('/feed', ann), 200);
      assert.deepEqual(feed.items.find((post: { id: string }) => post.id === 'p-1').sharedNetworks, ['facebook', 'linkedin']);
      assert.deepEqual((await json(await get('/posts/p-1', ann), 200)).sharedNetworks, ['facebook', 'linkedin']);
    });
  });

  describe('language and time zone', () => {
    it('reads and changes them; sign-in no longer replaces a choice', async () => {
      const initial = await json(await get('/me/preferences', bob), 200);
      assert.equal(initial.locale, 'ja');
      assert.equal(initial.timeZone, 'Asia/Tokyo');
      const updated = await json(
        await h.request('PUT', `${API}/me/preferences`, { token: bob, body: { locale: 'en', timeZone: 'Europe/Berlin' } }),
        200,
      );
      assertSchema('Preferences', updated);
      assert.equal(updated.locale, 'en');
      assert.equal(updated.timeZone, 'Europe/Berlin');
      assert.equal(updated.digest, true);
      // A token whose claims say otherwise: the employee's own choice stays.
      const claims = await signToken('emp-bob', { claims: { locale: 'ja', zoneinfo: 'Asia/Tokyo' } });
      const me = await json(await get('/me', claims), 200);
      assert.equal(me.locale, 'en');
      assert.equal(me.timeZone, 'Europe/Berlin');
    });

    it('refuses a language the kit does not ship and a time zone that is not an IANA zone, with field details', async () => {
      const put = (body: object) => h.request('PUT', `${API}/me/preferences`, { token: ann, body });
      const locale = await json(await put({ locale: 'fr' }), 422);
      assert.ok(locale.errors.some((error: { field: string }) => error.field.includes('locale')));
      for (const timeZone of ['Mars/Olympus', '+09:00', 'Asia/Tokyo; DROP', '']) {
        const problem = await json(await put({ timeZone }), 422);
        assert.ok(
          problem.errors.some((error: { field: string }) => error.field.includes('timeZone')),
          JSON.stringify(problem),
        );
      }
      assert.equal((await json(await get('/me/preferences', ann), 200)).timeZone, 'UTC');
    });
  });
});

forEachDatabase('self-service: a chosen language and time zone stay over SCIM updates', (open) => {
  let h: Harness;
  before(async () => {
    h = await startHarness(await open(), { scim: { token: SCIM_TOKEN } });
  });
  after(() => h.close());

  it('the identity provider’s later timezone and preferredLanguage do not replace the employee’s choice', async () => {
    await json(
      await scimRequest(h, 'POST', '/Users', {
        schemas: [USER],
        userName: 'zed',
        externalId: 'zed',
        timezone: 'Asia/Tokyo',
        preferredLanguage: 'ja',
      }),
      201,
    );
    const zed = await signToken('zed');
    await json(await h.request('PUT', `${API}/me/preferences`, { token: zed, body: { timeZone: 'Europe/Berlin' } }), 200);
    await json(
      await scimRequest(h, 'PATCH', '/Users/zed', {
        schemas: [PATCH_OP],
        Operations: [
          { op: 'replace', path: 'timezone', value: 'America/New_York' },
          { op: 'replace', path: 'preferredLanguage', value: 'en' },
        ],
      }),
      200,
    );
    const me = await json(await h.request('GET', `${API}/me`, { token: zed }), 200);
    assert.equal(me.timeZone, 'Europe/Berlin', 'the zone the employee chose stays');
    assert.equal(me.locale, 'en', 'the language they never chose follows the identity provider');
  });
});
