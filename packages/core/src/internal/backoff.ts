import { isAdvocacyError, type AdvocacyError } from '../backend/errors.js';

/** The longest wait between two tries, unless the server asks for more. */
const MAX_DELAY_MS = 60_000;

/**
 * Delay before retry number `attempt` (0-based): exponential from `baseMs`, capped at a minute,
 * with "equal jitter" (half fixed, half random) so many clients don't retry in step.
 * A `rate_limited` error's Retry-After wins when it is longer.
 */
export function backoffDelay(attempt: number, error: AdvocacyError, baseMs: number): number {
  const exp = Math.min(MAX_DELAY_MS, baseMs * 2 ** attempt);
  return Math.max(exp / 2 + Math.random() * (exp / 2), (error.retryAfter ?? 0) * 1000);
}

/** Runs `fn` until it succeeds or fails with a non-retryable error, at most `attempts` times. */
export async function withRetry<T>(fn: () => Promise<T>, attempts: number, baseMs: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt + 1 >= attempts || !isAdvocacyError(error) || !error.retryable) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, error, baseMs)));
    }
  }
}
