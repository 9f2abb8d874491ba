import type { Employee, MyStats, Period, StatsPoint } from '@advocacy-kit/core';
import { SPENDING_REASONS } from '@advocacy-kit/core/contract';
import { sql } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { ranking } from './leaderboard.js';
import { DAY_MS, dayKey, periodStart, weekKey } from './periods.js';

const day = sql<string>`substr(created_at, 1, 10)`;

/**
 * The employee's totals over a period, a zero-filled series that adds up to them (days for week
 * and month, weeks from Monday UTC for quarter and all) and company rank — as core's memory
 * backend computes them. The series covers exactly the window the totals count, (now − period,
 * now], so its first bucket is partial (a rolling week spans 8 UTC days) and so is its last
 * (today so far); all time starts at the employee's first counted points, share or click.
 */
export async function myStats(db: Db, dialect: Dialect, me: Employee, period: Period, now: Date): Promise<MyStats> {
  const from = periodStart(period, now);
  const since = from ?? '';
  const until = now.toISOString();
  const points = await db
    .selectFrom('points_ledger')
    .select([day.as('day'), (eb) => eb.fn.sum<string | number>('delta').as('n')])
    .where('employee_id', '=', me.id)
    .where('created_at', '>=', since)
    .where('created_at', '<=', until)
    // Points earned: spending a reward's points does not undo having earned them.
    .where('reason', 'not in', [...SPENDING_REASONS])
    .groupBy(day)
    .execute();
  const shares = await db
    .selectFrom('shares')
    .select([day.as('day'), (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('employee_id', '=', me.id)
    .where('created_at', '>=', since)
    .where('created_at', '<=', until)
    .groupBy(day)
    .execute();
  const clicks = await db
    .selectFrom('clicks')
    .innerJoin('shares', 'shares.tracking_code', 'clicks.code')
    .select([sql<string>`clicks.day`.as('day'), (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('shares.employee_id', '=', me.id)
    .where('clicks.created_at', '>=', since)
    .where('clicks.created_at', '<=', until)
    .groupBy('clicks.day')
    .execute();
  const conversions = await db
    .selectFrom('conversions')
    .select([(eb) => eb.fn.countAll<string | number>().as('n'), (eb) => eb.fn.sum<string | number | null>('value').as('value')])
    .where('employee_id', '=', me.id)
    .where('created_at', '>=', since)
    .where('created_at', '<=', until)
    .executeTakeFirstOrThrow();

  const daily = period === 'week' || period === 'month';
  const bucket = daily ? dayKey : weekKey;
  const to = now.getTime();
  // Without a window start, the series starts at the first counted activity (or today, without any).
  const first =
    from === null ? [...points, ...shares, ...clicks].reduce((min, row) => Math.min(min, Date.parse(row.day)), to) : Date.parse(from);
  const series = new Map<string, StatsPoint>();
  for (let t = first; bucket(t) <= bucket(to); t += daily ? DAY_MS : 7 * DAY_MS) {
    series.set(bucket(t), { date: bucket(t), points: 0, shares: 0, clicks: 0 });
  }
  const add = (rows: Array<{ day: string; n: string | number | null }>, field: 'points' | 'shares' | 'clicks') => {
    let total = 0;
    for (const row of rows) {
      const n = Number(row.n ?? 0);
      const point = series.get(bucket(Date.parse(row.day)));
      // Every row is inside [first, now], so its bucket exists; anything else is a bug to surface.
      if (point === undefined) throw new Error(`my stats: ${field} on ${row.day} fall outside the ${period} series`);
      point[field] += n;
      total += n;
    }
    return total;
  };
  const totalPoints = add(points, 'points');
  const totalShares = add(shares, 'shares');
  const totalClicks = add(clicks, 'clicks');
  const { me: mine } = await ranking(db, { dialect, from, team: null, limit: 1, employeeId: me.id });
  return {
    period,
    points: totalPoints,
    shares: totalShares,
    clicks: totalClicks,
    conversions: Number(conversions.n),
    conversionValue: Number(conversions.value ?? 0),
    rank: mine?.rank ?? null,
    series: [...series.values()],
  };
}
