import { isAdvocacyError } from '../backend/errors.js';

/**
 * Delay before retry number `attempt` (0-based): exponential from `baseMs`, capped at `maxMs`,
 * with "equal jitter" (half fixed, half random) so many clients don't retry in step.
 * A `rate_limited` error's Retry-After wins when it is longer.
 */
export function backoffDelay(attempt: number, error?: unknown, baseMs = 500, maxMs = 60_000): number {
  const exp = Math.min(maxMs, baseMs * 2 ** attempt);
  const delay = exp / 2 + Math.random() * (exp / 2);
  const retryAfter = isAdvocacyError(error) && error.retryAfter !== undefined ? error.retryAfter * 1000 : 0;
  return Math.max(delay, retryAfter);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` until it succeeds or fails with a non-retryable error, at most `attempts` times. */
export async function withRetry<T>(fn: () => Promise<T>, attempts = 4, baseMs = 500): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt + 1 >= attempts || !isAdvocacyError(error) || !error.retryable) throw error;
      await sleep(backoffDelay(attempt, error, baseMs));
    }
  }
}
