/** Weekly digest and reminder settings (environment variables in the README). */
export interface EngagementConfig {
  /** How often the scheduler looks for employees due a message; 0 turns it off. */
  tickMs: number;
  /** Local hour from which Monday's digest (and the reminder day's nudge) go out. */
  sendHour: number;
  /** A reminder goes to employees without a share for this many days. */
  nudgeAfterDays: number;
  /** Local weekday of reminders, 1 = Monday … 7 = Sunday (Wednesday by default, apart from the digest). */
  nudgeWeekday: number;
}

export const DEFAULT_ENGAGEMENT: EngagementConfig = { tickMs: 60_000, sendHour: 9, nudgeAfterDays: 14, nudgeWeekday: 3 };

type Env = Record<string, string | undefined>;

function bounded(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

export function engagementConfigFromEnv(env: Env): EngagementConfig {
  return {
    tickMs: bounded(env, 'ENGAGEMENT_TICK_MS', DEFAULT_ENGAGEMENT.tickMs, 0, 86_400_000),
    sendHour: bounded(env, 'DIGEST_HOUR', DEFAULT_ENGAGEMENT.sendHour, 0, 23),
    nudgeAfterDays: bounded(env, 'NUDGE_AFTER_DAYS', DEFAULT_ENGAGEMENT.nudgeAfterDays, 1, 365),
    nudgeWeekday: bounded(env, 'NUDGE_WEEKDAY', DEFAULT_ENGAGEMENT.nudgeWeekday, 1, 7),
  };
}
