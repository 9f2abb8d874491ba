import type { GoalMetric, GoalProgress } from '../backend/contract.js';

const DAY = 86_400_000;

/** The UTC calendar day of an instant, `YYYY-MM-DD`. */
export const utcDay = (at: Date | number): string => new Date(at).toISOString().slice(0, 10);

/** Days from `from` to `to`, both inclusive (`2026-01-01`–`2026-01-01` is 1). */
export const daysInclusive = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;

/** The day after `day`. */
const nextDay = (day: string): string => utcDay(Date.parse(day) + DAY);

/** The longest a goal may run, in days (three years): a SMART goal is time-bound, and its series has a point per day. */
export const GOAL_MAX_DAYS = 1096;

export interface GoalSpec {
  metric: GoalMetric;
  target: number;
  /** First day, inclusive (UTC). */
  from: string;
  /** Last day, inclusive (UTC). */
  to: string;
}

/**
 * A goal measured on `today` (a UTC day): the metric so far, where a linear pace from 0 on the
 * first day to the target at the end of the last day stands after `elapsedDays` whole or started
 * days, and whether the goal is ahead of that pace.
 *
 * `increments` holds what each day added: for counts and value the day's total, for
 * participation the members whose first share in the range fell on that day; `divisor` turns the
 * running sum into the metric (the number of members for participation, 1 otherwise).
 *
 * Status: `upcoming` before the first day; `achieved` once the metric reaches the target;
 * `missed` after the last day without it; otherwise `on_track` when the metric is at least the
 * expected value, `behind` when not.
 */
export function goalProgress(goal: GoalSpec, today: string, increments: ReadonlyMap<string, number>, divisor = 1): GoalProgress {
  const totalDays = Math.max(1, daysInclusive(goal.from, goal.to));
  const elapsedDays = today < goal.from ? 0 : today > goal.to ? totalDays : daysInclusive(goal.from, today);
  const expected = (goal.target * elapsedDays) / totalDays;
  const series: GoalProgress['series'] = [];
  let sum = 0;
  const last = today < goal.to ? today : goal.to;
  for (let day = goal.from; day <= last; day = nextDay(day)) {
    sum += increments.get(day) ?? 0;
    series.push({ date: day, value: divisor > 0 ? sum / divisor : 0 });
  }
  const current = series.at(-1)?.value ?? 0;
  const status =
    today < goal.from
      ? 'upcoming'
      : current >= goal.target
        ? 'achieved'
        : today > goal.to
          ? 'missed'
          : current >= expected
            ? 'on_track'
            : 'behind';
  return { current, expected, elapsedDays, totalDays, status, series };
}
