import type { Period } from '@advocacy-kit/core';

export const DAY_MS = 86_400_000;
const PERIOD_DAYS: Record<Period, number> = { week: 7, month: 30, quarter: 90, all: Infinity };

/**
 * Start of a rolling period ending now (week = last 7 days, month = 30, quarter = 90), as an ISO
 * string; `null` for all time. The same windows as core's memory backend.
 */
export function periodStart(period: Period, now: Date): string | null {
  const days = PERIOD_DAYS[period];
  return Number.isFinite(days) ? new Date(now.getTime() - days * DAY_MS).toISOString() : null;
}

export const dayKey = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Monday (UTC) of the week that holds `ms`. */
export const weekKey = (ms: number): string => dayKey(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS);
