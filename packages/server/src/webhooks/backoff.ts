/** When to retry a failed delivery. */
export interface BackoffPolicy {
  /** Delay after the first failure. */
  baseMs: number;
  /** Longest delay between two attempts. */
  maxDelayMs: number;
  /** Give up once the next attempt would come later than this after the event. */
  maxAgeMs: number;
  /** Up to this fraction of the delay is added at random, so failed endpoints are not retried in lockstep. */
  jitter: number;
}

/** 30 s, 1 min, 2 min, … capped at 2 h, for up to a day (about 20 attempts). */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxDelayMs: 2 * 3_600_000, maxAgeMs: 24 * 3_600_000, jitter: 0.2 };

/**
 * The time of the next attempt after `attempts` failed ones, or null when the delivery should be
 * given up (it would fall outside `maxAgeMs` from `createdAt`). `random` is in [0, 1).
 */
export function nextAttemptAt(policy: BackoffPolicy, attempts: number, createdAt: Date, now: Date, random: number): Date | null {
  const exponential = Math.min(policy.baseMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
  const at = new Date(now.getTime() + Math.round(exponential * (1 + policy.jitter * random)));
  return at.getTime() - createdAt.getTime() > policy.maxAgeMs ? null : at;
}
