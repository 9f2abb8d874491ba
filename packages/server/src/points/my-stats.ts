import type { Employee, MyStats, Period, StatsPoint } from '@advocacy-kit/core';
import { sql } from 'kysely';
import type { Db, Dialect } from '../db/database.js';
import { ranking } from './leaderboard.js';
import { DAY_MS, dayKey, periodDays, periodStart, weekKey } from './periods.js';

const day = sql<string>`substr(created_at, 1, 10)`;

/** The employee's totals over a period, a zero-filled series (days, or weeks for quarter/all) and company rank. */
export async function myStats(db: Db, dialect: Dialect, me: Employee, period: Period, now: Date): Promise<MyStats> {
  const from = periodStart(period, now);
  const since = from ?? '';
  const points = await db
    .selectFrom('points_ledger')
    .select([day.as('day'), (eb) => eb.fn.sum<string | number>('delta').as('n')])
    .where('employee_id', '=', me.id)
    .where('created_at', '>=', since)
    .groupBy(day)
    .execute();
  const shares = await db
    .selectFrom('shares')
    .select([day.as('day'), (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('employee_id', '=', me.id)
    .where('created_at', '>=', since)
    .groupBy(day)
    .execute();
  const clicks = await db
    .selectFrom('clicks')
    .select([sql<string>`clicks.day`.as('day'), (eb) => eb.fn.countAll<string | number>().as('n')])
    .where((eb) => eb.exists(eb.selectFrom('shares').select('shares.id').whereRef('shares.id', '=', 'clicks.share_id').where('shares.employee_id', '=', me.id)))
    .where('clicks.created_at', '>=', since)
    .groupBy('clicks.day')
    .execute();
  const conversions = await db
    .selectFrom('conversions')
    .select([(eb) => eb.fn.countAll<string | number>().as('n'), (eb) => eb.fn.sum<string | number | null>('value').as('value')])
    .where('employee_id', '=', me.id)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();

  const daily = period === 'week' || period === 'month';
  const bucket = daily ? dayKey : weekKey;
  const to = now.getTime();
  const firstActivity = [...points, ...shares].reduce((min, row) => Math.min(min, Date.parse(row.day)), to);
  const first = period === 'all' ? firstActivity : to - (periodDays(period) - 1) * DAY_MS;
  const series = new Map<string, StatsPoint>();
  for (let t = first; bucket(t) <= bucket(to); t += daily ? DAY_MS : 7 * DAY_MS) {
    series.set(bucket(t), { date: bucket(t), points: 0, shares: 0, clicks: 0 });
  }
  const add = (rows: Array<{ day: string; n: string | number | null }>, field: 'points' | 'shares' | 'clicks') => {
    let total = 0;
    for (const row of rows) {
      const n = Number(row.n ?? 0);
      total += n;
      const point = series.get(bucket(Date.parse(row.day)));
      if (point !== undefined) point[field] += n;
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
