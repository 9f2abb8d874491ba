import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

const cursorFor = (key: string, id: string) => Buffer.from(JSON.stringify([key, id])).toString('base64url');

// Another employee's id in any parameter of the self-service reads gets nothing of theirs.
forEachDatabase('security: self-service reads only my own history', (open) => {
  let h: Harness;
  let ann: string;
  let bob: string;

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    bob = await signToken('emp-bob');
    // Bob has a share with clicks and a conversion (the fixture); Ann has none yet.
  });
  after(() => h.close());

  const mine = async (path: string, token: string) => {
    const response = await h.request('GET', `${API}${path}`, { token });
    // An unknown parameter is refused; a known one never widens the list to someone else.
    if (response.status === 400) return { items: [] };
    return json(response, 200);
  };

  it('my shares and my points: an employee id in the query or a forged cursor finds nothing of another employee', async () => {
    const bobsShares = await json(await h.request('GET', `${API}/me/shares`, { token: bob }), 200);
    const bobsPoints = await json(await h.request('GET', `${API}/me/points`, { token: bob }), 200);
    assert.ok(bobsShares.items.length > 0 && bobsPoints.items.length > 0);
    const probes = [
      '?employeeId=emp-bob',
      '?employee=emp-bob',
      '?employee_id=emp-bob',
      `?cursor=${cursorFor('9999-12-31T00:00:00.000Z', 'zzzz')}`,
      `?cursor=${cursorFor(bobsShares.items[0].createdAt, bobsShares.items[0].id)}`,
      `?cursor=${cursorFor("' or 1=1 --", 'emp-bob')}`,
    ];
    for (const path of ['/me/shares', '/me/points', '/me/suggestions']) {
      for (const probe of probes) {
        const page = await mine(`${path}${probe}`, ann);
        assert.ok(
          page.items.every((item: { employeeId: string }) => item.employeeId === 'emp-ann'),
          `${path}${probe} answered another employee's rows`,
        );
      }
    }
  });

  it("a ledger row is described from the employee's own rows only", async () => {
    // Ann's ledger holds nothing that points at Bob's conversion, suggestion or reward request.
    const page = await json(await h.request('GET', `${API}/me/points?limit=100`, { token: ann }), 200);
    assert.ok(page.items.every((row: { employeeId: string }) => row.employeeId === 'emp-ann'));
  });

  it("the feed's shared marker is the signed-in employee's own", async () => {
    const feed = await json(
      await h
        .request('GET', `${API}/feed?employeeId=emp-bob`, { token: ann })
        .then((r) => (r.status === 400 ? h.request('GET', `${API}/feed`, { token: ann }) : r)),
      200,
    );
    assert.ok(
      feed.items.every((post: { sharedNetworks: string[] }) => post.sharedNetworks.length === 0),
      'Ann shared nothing',
    );
  });

  it('preferences change only my own row, whatever the body says', async () => {
    for (const body of [
      { employeeId: 'emp-bob', timeZone: 'Europe/Paris' },
      { id: 'emp-bob', locale: 'en' },
    ]) {
      assert.equal((await h.request('PUT', `${API}/me/preferences`, { token: ann, body })).status, 422);
    }
    const bobs = await json(await h.request('GET', `${API}/me/preferences`, { token: bob }), 200);
    assert.equal(bobs.timeZone, 'Asia/Tokyo');
    assert.equal(bobs.locale, 'ja');
  });

  it('a signed-out request reads nothing', async () => {
    for (const path of ['/me/shares', '/me/points', '/me/preferences', '/feed']) {
      assert.equal((await h.request('GET', `${API}${path}`)).status, 401);
    }
  });
});
