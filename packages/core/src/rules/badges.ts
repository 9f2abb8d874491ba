import type { Badge, BadgeId } from '../backend/index.js';

/** How many of what each badge asks for. `streak` is consecutive weeks (Monday–Sunday, UTC) with a share. */
export interface BadgeRules {
  tenShares: number;
  streakWeeks: number;
}

export const DEFAULT_BADGES: Readonly<BadgeRules> = /* @__PURE__ */ Object.freeze({ tenShares: 10, streakWeeks: 4 });

const WEEK = 7 * 86_400_000;
/** Monday 00:00 UTC of the week that holds `ms` (the Unix epoch was a Thursday). */
const weekStart = (ms: number) => ms - ((ms + 3 * 86_400_000) % WEEK);

/**
 * Every badge with its progress and the moment it was earned, from the times of an employee's
 * shares and conversions (ISO strings, any order). The reference server stores the award once
 * from these rules; the memory backend derives it each time.
 */
export function badgeStandings(shareTimes: string[], conversionTimes: string[], rules: Readonly<BadgeRules> = DEFAULT_BADGES): Badge[] {
  const shares = shareTimes.map((t) => Date.parse(t)).sort((a, b) => a - b);
  const conversions = conversionTimes.map((t) => Date.parse(t)).sort((a, b) => a - b);
  const at = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

  // Longest run of consecutive weeks with a share, and the share that first completed the target.
  let run = 0;
  let best = 0;
  let lastWeek = Number.NaN;
  let streakAt: number | undefined;
  for (const ms of shares) {
    const week = weekStart(ms);
    if (week === lastWeek) continue;
    run = week - lastWeek === WEEK ? run + 1 : 1;
    lastWeek = week;
    best = Math.max(best, run);
    if (run >= rules.streakWeeks && streakAt === undefined) streakAt = ms;
  }

  const badge = (id: BadgeId, progress: number, target: number, earned: number | undefined): Badge => ({
    id,
    awardedAt: at(earned),
    progress: Math.min(progress, target),
    target,
  });
  return [
    badge('first_share', shares.length, 1, shares[0]),
    badge('ten_shares', shares.length, rules.tenShares, shares[rules.tenShares - 1]),
    badge('first_conversion', conversions.length, 1, conversions[0]),
    badge('streak', best, rules.streakWeeks, streakAt),
  ];
}
