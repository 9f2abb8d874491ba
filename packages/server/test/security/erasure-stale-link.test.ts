import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Db } from '../../src/db/database.js';
import { fixedSchedule } from '../../src/point-rules/schedule.js';
import { databaseClickStore, type RawClick } from '../../src/tracking/click-store.js';
import { forEachDatabase } from '../support/databases.js';
import { API, json, signToken, startHarness, type Harness } from '../support/harness.js';

const HUMAN = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

// Several instances each cache tracking links. An erasure on one forgets that instance's cache
// only; another may still answer a click with a link naming the old id. Its click writer must not
// write that id again (points, point visitors), or the erased person is back in the database.
forEachDatabase('security: a click answered from a stale cached link never writes an erased employee’s old id', (open) => {
  let h: Harness;
  let db: Db;
  let share: { id: string; tracking_code: string; post_id: string };

  before(async () => {
    h = await startHarness(await open());
    db = h.advocacy.services.db;
    const cy = await signToken('emp-cy');
    await json(await h.request('POST', `${API}/me/policy-acceptance`, { token: cy }), 200);
    await json(
      await h.request('POST', `${API}/shares`, {
        token: cy,
        headers: { 'idempotency-key': 'stale-link-share' },
        body: { postId: 'p-2', network: 'linkedin', commentary: 'mine' },
      }),
      201,
    );
    share = await db
      .selectFrom('shares')
      .select(['id', 'tracking_code', 'post_id'])
      .where('employee_id', '=', 'emp-cy')
      .executeTakeFirstOrThrow();
  });
  after(() => h.close());

  /** A click as another instance's cache describes it: the link still names emp-cy. */
  const staleClick = (visitor: number): RawClick => ({
    code: share.tracking_code,
    shareId: share.id,
    employeeId: 'emp-cy',
    postId: share.post_id,
    sharerNetwork: null,
    ip: `203.0.113.${visitor}`,
    userAgent: HUMAN,
    at: new Date().toISOString(),
  });
  const rowsNaming = async (id: string) => {
    const points = await db.selectFrom('points_ledger').select('id').where('employee_id', '=', id).execute();
    const visitors = await db.selectFrom('click_point_visitors').select('visitor').where('employee_id', '=', id).execute();
    return { points: points.length, visitors: visitors.length };
  };

  it('earns the sharer click points before the erasure (the path the stale click takes)', async () => {
    const store = databaseClickStore(db, 'stale-link-salt', () => fixedSchedule(h.config.rules));
    const before = await rowsNaming('emp-cy');
    assert.equal(await store([staleClick(1)]), 1);
    const after = await rowsNaming('emp-cy');
    assert.equal(after.points, before.points + 1, 'the click earned a point');
    assert.equal(after.visitors, before.visitors + 1);
  });

  it('after the erasure, the stale click is stored but nothing names the old id again', async () => {
    const admin = await signToken('emp-ada', { admin: true });
    const erased = await json<{ employeeId: string }>(
      await h.request('POST', `${API}/admin/employees/emp-cy/erasure`, { token: admin }),
      200,
    );
    assert.notEqual(erased.employeeId, 'emp-cy');
    assert.deepEqual(await rowsNaming('emp-cy'), { points: 0, visitors: 0 }, 'the erasure moved everything to the pseudonym');
    const pseudonymPoints = (await rowsNaming(erased.employeeId)).points;

    // Another instance: a click store of its own, fed a click from its cached link.
    const store = databaseClickStore(db, 'stale-link-salt', () => fixedSchedule(h.config.rules));
    assert.equal(await store([staleClick(2)]), 1, 'the click itself counts');
    assert.deepEqual(await rowsNaming('emp-cy'), { points: 0, visitors: 0 });
    // The pseudonym is deactivated: a leaver earns no more points.
    assert.equal((await rowsNaming(erased.employeeId)).points, pseudonymPoints);
  });
});
