import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

forEachDatabase('security: the anonymous leaderboard never names who did not opt in, and only admins change it or the contests', (open) => {
  let h: Harness;
  let ann: string; // employee
  let bob: string; // employee
  let ada: string; // admin
  const settings = (token: string, body?: object) =>
    h.request(body === undefined ? 'GET' : 'PUT', `${API}/admin/program/leaderboard`, { token, ...(body === undefined ? {} : { body }) });
  const prefs = async (token: string, showOnLeaderboard: boolean) =>
    json(await h.request('PUT', `${API}/me/preferences`, { token, body: { showOnLeaderboard } }), 200);
  const boards = async (token: string) => {
    const texts: string[] = [];
    for (const period of ['week', 'month', 'quarter', 'all'])
      for (const scope of ['company', 'team'])
        texts.push(await (await h.request('GET', `${API}/leaderboard?period=${period}&scope=${scope}&limit=100`, { token })).text());
    return texts;
  };

  before(async () => {
    h = await startHarness(await open());
    ann = await signToken('emp-ann');
    bob = await signToken('emp-bob');
    ada = await signToken('emp-ada', { admin: true });
    for (const employeeId of ['emp-ann', 'emp-bob'])
      await json(
        await h.request('POST', `${API}/admin/points/adjustments`, {
          token: ada,
          body: { employeeId, delta: 50, reason: 'Security test' },
        }),
        201,
      );
  });
  after(() => h.close());

  it('refuses an employee the leaderboard settings, read or write, and the setting stays', async () => {
    for (const body of [undefined, { anonymous: true }, { top: 1 }]) {
      const problem = await json(await settings(ann, body), 403);
      assert.equal(problem.type, 'https://advocacy-kit.dev/problems/forbidden');
    }
    const current = await json(await settings(ada), 200);
    assert.deepEqual(current, { anonymous: false, top: 10, updatedAt: null });
  });

  describe('anonymous', () => {
    before(async () => {
      await json(await settings(ada, { anonymous: true, top: 5 }), 200);
    });

    it('records the change in the audit log with before and after', async () => {
      const page = await json(await h.request('GET', `${API}/admin/audit?targetId=leaderboard`, { token: ada }), 200);
      const entry = page.items.find((item: { action: string; target: { id: string } }) => item.target.id === 'leaderboard');
      assert.equal(entry.action, 'settings.update');
      assert.deepEqual(entry.actor, { kind: 'admin', id: 'emp-ada' });
      assert.equal(entry.before.anonymous, false);
      assert.equal(entry.after.anonymous, true);
    });

    it("never names Bob to Ann in any period or scope while he hasn't opted in; Ann still sees her own rank", async () => {
      await prefs(ann, false);
      await prefs(bob, false);
      for (const text of await boards(ann)) {
        assert.doesNotMatch(text, /emp-bob|Bob/, 'Bob is nowhere in the answer');
        const board = JSON.parse(text);
        assert.deepEqual(board.entries, [], 'nobody opted in, nobody is listed');
        assert.equal(board.anonymous, true, 'the answer says the mode is on, so the UI offers the opt-in');
        if (board.me !== null) assert.equal(board.me.employeeId, 'emp-ann');
      }
      const all = JSON.parse((await boards(ann))[6]!);
      assert.ok(all.me.rank >= 1, 'Ann has her rank');
    });

    it('names Bob once he opts in, at his true rank, and hides him again when he opts out', async () => {
      await prefs(bob, true);
      const named = await json(await h.request('GET', `${API}/leaderboard?period=all&scope=company&limit=100`, { token: ann }), 200);
      assert.deepEqual(
        named.entries.map((entry: { employeeId: string }) => entry.employeeId),
        ['emp-bob'],
      );
      const own = await json(await h.request('GET', `${API}/leaderboard?period=all&scope=company&limit=100`, { token: bob }), 200);
      assert.equal(named.entries[0].rank, own.me.rank, 'the rank is the one Bob sees for himself');
      await prefs(bob, false);
      for (const text of await boards(ann)) assert.doesNotMatch(text, /emp-bob|Bob/);
    });
  });

  it('refuses an employee the contest administration, and the contest stays as it was', async () => {
    const now = Date.now();
    const body = {
      title: 'Spring push',
      prize: 'A mug',
      scope: 'company',
      startsAt: new Date(now - 86_400_000).toISOString(),
      endsAt: new Date(now + 86_400_000).toISOString(),
    };
    const contest = await json(await h.request('POST', `${API}/admin/contests`, { token: ada, body }), 201);
    const attempts: Array<[string, string, object | undefined]> = [
      ['GET', '/admin/contests', undefined],
      ['POST', '/admin/contests', body],
      ['PATCH', `/admin/contests/${contest.id}`, { prize: 'A car' }],
      ['PATCH', `/admin/contests/${contest.id}`, { translations: { ja: { prize: '車' } } }],
      ['POST', `/admin/contests/${contest.id}/cancel`, undefined],
    ];
    for (const [method, path, payload] of attempts) {
      const problem = await json(
        await h.request(method, `${API}${path}`, { token: ann, ...(payload === undefined ? {} : { body: payload }) }),
        403,
      );
      assert.equal(problem.type, 'https://advocacy-kit.dev/problems/forbidden');
    }
    const listed = await json(await h.request('GET', `${API}/admin/contests`, { token: ada }), 200);
    const same = listed.items.filter((c: { title: string }) => c.title === 'Spring push');
    assert.deepEqual(
      same.map((c: { prize: string; status: string; translations: object }) => [c.prize, c.status, c.translations]),
      [['A mug', 'active', {}]],
    );
    const audit = await json(await h.request('GET', `${API}/admin/audit?targetId=${contest.id}`, { token: ada }), 200);
    assert.deepEqual(
      audit.items.map((entry: { action: string }) => entry.action),
      ['contest.create'],
    );
  });

  it('refuses more than 20 translations, locales that are not tags and fields beyond title, description and prize', async () => {
    const now = Date.now();
    const body = {
      title: 'Translated',
      prize: 'A mug',
      scope: 'company',
      startsAt: new Date(now - 86_400_000).toISOString(),
      endsAt: new Date(now + 86_400_000).toISOString(),
    };
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`x${String.fromCharCode(97 + i)}`, { prize: 'p' }]));
    for (const translations of [many, { '<script>': { prize: 'p' } }, { ja: { prize: 'p', html: '<b>x</b>' } }, { ja: { prize: ' ' } }]) {
      const response = await h.request('POST', `${API}/admin/contests`, { token: ada, body: { ...body, translations } });
      assert.equal(response.status, 422, JSON.stringify(translations).slice(0, 60));
    }
  });
});
