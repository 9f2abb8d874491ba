import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

// Findings of the security review, each proved by a test that failed before its fix.

const browser = (version: number) =>
  `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${120 + version}.0.0.0 Safari/537.36`;

forEachDatabase('security: click-point farming', (open) => {
  let h: Harness;
  const tokens: Record<string, string> = {};

  before(async () => {
    h = await startHarness(await open());
    for (const id of ['emp-ann', 'emp-bob', 'emp-ada']) tokens[id] = await signToken(id);
  });
  after(() => h.close());

  const share = (employeeId: string, key: string, body: { postId: string; network: string; commentary?: string }, ip = '198.51.100.200') =>
    h.request('POST', `${API}/shares`, {
      token: tokens[employeeId],
      headers: { 'idempotency-key': key, 'x-forwarded-for': ip },
      body: { commentary: '', ...body },
    });
  const visit = (code: string, ip: string, userAgent = browser(0)) =>
    h.request('GET', `/r/${code}`, { headers: { 'user-agent': userAgent, 'x-forwarded-for': ip } });
  /** Click points in the employee's ledger, once every buffered click is stored. */
  const clickPoints = async (employeeId: string) => {
    await h.advocacy.flush();
    const row = await h.advocacy.services.db
      .selectFrom('points_ledger')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string | number>('delta'), eb.lit(0)).as('total'))
      .where('employee_id', '=', employeeId)
      .where('reason', '=', 'click')
      .executeTakeFirstOrThrow();
    return Number(row.total);
  };

  it("awards nothing for the sharer's own click (from the network the share was made on)", async () => {
    const mine = await json(await share('emp-ann', 'self-1', { postId: 'p-1', network: 'linkedin' }, '198.51.100.7'), 201);
    const before = await clickPoints('emp-ann');
    assert.equal((await visit(mine.trackingCode, '198.51.100.7')).status, 302);
    assert.equal(await clickPoints('emp-ann'), before, 'the sharer clicking their own link earns nothing');
    await visit(mine.trackingCode, '203.0.113.9');
    assert.equal(await clickPoints('emp-ann'), before + h.config.rules.points.click, 'someone else still earns the click');
  });

  it('counts 20 clicks from one address with 20 user agents as one visitor for points', async () => {
    const mine = await json(await share('emp-ann', 'ua-1', { postId: 'p-2', network: 'linkedin' }), 201);
    const before = await clickPoints('emp-ann');
    for (let i = 0; i < 20; i++) await visit(mine.trackingCode, '203.0.113.50', browser(i));
    // An IPv6 visitor is its /64: other interface ids in the same network are the same visitor.
    for (let i = 1; i <= 5; i++) await visit(mine.trackingCode, `2001:db8:1:2::${i.toString(16)}`, browser(i));
    assert.equal(await clickPoints('emp-ann'), before + 2 * h.config.rules.points.click);
  });

  it('caps click points per employee, post and day across every share of the post (new Idempotency-Keys)', async () => {
    const networks = ['linkedin', 'x', 'facebook'];
    const codes = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const response = await share('emp-ada', `farm-${i}`, { postId: 'p-1', network: networks[i % networks.length]! });
      codes.add(((await response.json()) as { trackingCode: string }).trackingCode);
    }
    let visitor = 0;
    for (const code of codes) {
      for (let i = 0; i < 15; i++) await visit(code, `192.0.2.${++visitor}`);
    }
    assert.equal(await clickPoints('emp-ada'), 50, 'the default cap: 50 click points per employee, post and day');
  });

  it('returns the existing share and tracking code for a repeat share of a post to the same network', async () => {
    const first = await json(await share('emp-bob', 'repeat-1', { postId: 'p-2', network: 'x', commentary: 'First words' }), 201);
    const again = await json(await share('emp-bob', 'repeat-2', { postId: 'p-2', network: 'x', commentary: 'Other words' }), 200);
    assert.equal(again.id, first.id);
    assert.equal(again.trackingCode, first.trackingCode);
    assert.equal(again.pointsAwarded, 0, 'the repeat earns nothing');
    // The repeat's key keeps its answer, and a different body under it is still a conflict.
    assert.equal(
      (await json(await share('emp-bob', 'repeat-2', { postId: 'p-2', network: 'x', commentary: 'Other words' }), 200)).id,
      first.id,
    );
    await json(await share('emp-bob', 'repeat-2', { postId: 'p-2', network: 'linkedin', commentary: 'Other words' }), 409);
    const mine = await json(await h.request('GET', `${API}/me/shares?limit=100`, { token: tokens['emp-bob'] }), 200);
    assert.equal(mine.items.filter((item: { postId: string }) => item.postId === 'p-2').length, 1);
  });
});
