import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Employee, Period } from '@advocacy-kit/core';
import { newTrackingCode } from '../src/ids.js';
import { award } from '../src/points/ledger.js';
import { myStats } from '../src/points/my-stats.js';
import { forEachDatabase } from './support/databases.js';
import { startHarness, type Harness } from './support/harness.js';

const DAY = 86_400_000;
// A Wednesday afternoon: rolling windows start mid-day, so their first UTC day (or week) is partial.
const now = new Date('2026-03-18T15:30:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const ann: Employee = {
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
};

/**
 * Ann's activity, each a share (10 points) with one click (2 points) at the same instant: on each
 * window's first millisecond and just before it, right now, and a minute in the future.
 */
const edges = {
  weekStart: ago(7 * DAY),
  beforeWeek: ago(7 * DAY + 1),
  monthStart: ago(30 * DAY),
  beforeMonth: ago(30 * DAY + 1),
  quarterStart: ago(90 * DAY),
  beforeQuarter: ago(90 * DAY + 1),
  longAgo: ago(400 * DAY),
  now: now.toISOString(),
  future: new Date(now.getTime() + 60_000).toISOString(),
};
const counted: Record<Period, number> = { week: 2, month: 4, quarter: 6, all: 8 };

forEachDatabase('my stats', (open) => {
  let h: Harness;

  before(async () => {
    h = await startHarness(await open());
    const { db } = h.advocacy.services;
    for (const [name, at] of Object.entries(edges)) {
      const id = `shr-edge-${name}`;
      const code = newTrackingCode();
      await db
        .insertInto('shares')
        .values({
          id,
          employee_id: ann.id,
          post_id: 'p-1',
          network: 'x',
          commentary: '',
          idempotency_key: id,
          request_hash: 'edge',
          tracking_code: code,
          destination: 'https://example.com/',
          points_awarded: 10,
          created_at: at,
        })
        .execute();
      await award(db, { employeeId: ann.id, delta: 10, reason: 'share', reference: id, at });
      await db
        .insertInto('clicks')
        .values({ code, day: at.slice(0, 10), visitor_hash: `visitor-${name}`, share_id: id, created_at: at })
        .execute();
      await award(db, { employeeId: ann.id, delta: 2, reason: 'click', reference: `${code}:${at.slice(0, 10)}:1`, at });
    }
  });
  after(() => h.close());

  const stats = (period: Period) => myStats(h.advocacy.services.db, h.advocacy.services.dialect, ann, period, now);
  const sum = (series: Array<Record<'points' | 'shares' | 'clicks', number>>, field: 'points' | 'shares' | 'clicks') =>
    series.reduce((total, point) => total + point[field], 0);

  for (const period of ['week', 'month', 'quarter', 'all'] as const) {
    it(`${period}: counts the window's edges, not the future, and the series adds up to the totals`, async () => {
      const result = await stats(period);
      assert.equal(result.shares, counted[period]);
      assert.equal(result.clicks, counted[period]);
      assert.equal(result.points, counted[period] * 12);
      assert.equal(sum(result.series, 'points'), result.points);
      assert.equal(sum(result.series, 'shares'), result.shares);
      assert.equal(sum(result.series, 'clicks'), result.clicks);
    });
  }

  it('daily series span every UTC day the rolling window touches: 8 for a week, 31 for a month', async () => {
    const week = await stats('week');
    assert.equal(week.series.length, 8);
    assert.equal(week.series[0]!.date, '2026-03-11');
    assert.equal(week.series.at(-1)!.date, '2026-03-18');
    assert.deepEqual(
      week.series.map((p) => p.shares),
      [1, 0, 0, 0, 0, 0, 0, 1],
    );
    const month = await stats('month');
    assert.equal(month.series.length, 31);
    assert.equal(month.series[0]!.date, '2026-02-16');
  });

  it('weekly series start on the Monday of the window start; all time on the first activity', async () => {
    const quarter = await stats('quarter');
    assert.equal(quarter.series[0]!.date, '2025-12-15'); // the Monday before 2025-12-18
    assert.equal(quarter.series.at(-1)!.date, '2026-03-16');
    const all = await stats('all');
    assert.equal(all.series[0]!.date, '2025-02-10'); // the Monday of the week 400 days ago
    assert.equal(all.series.at(-1)!.date, '2026-03-16');
  });
});
