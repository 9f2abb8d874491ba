/** Click retention settings (environment variables in the README). */
export interface PrivacyConfig {
  /**
   * Default of the admin-editable retention: raw click rows older than this many days are deleted
   * (the rollups keep their counts). null keeps them. The value an admin stores wins.
   */
  clickRetentionDays: number | null;
  /** How often the retention pass runs; 0 turns it off on this instance. */
  retentionIntervalMs: number;
  /** Rows deleted per statement, so SQLite's write lock is held briefly. */
  retentionBatchSize: number;
}

export const DEFAULT_PRIVACY: PrivacyConfig = { clickRetentionDays: null, retentionIntervalMs: 3_600_000, retentionBatchSize: 500 };

type Env = Record<string, string | undefined>;

function bounded(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
}

export function privacyConfigFromEnv(env: Env): PrivacyConfig {
  return {
    clickRetentionDays: bounded(env, 'CLICK_RETENTION_DAYS', 1, 3650) ?? DEFAULT_PRIVACY.clickRetentionDays,
    retentionIntervalMs: bounded(env, 'RETENTION_INTERVAL_MS', 0, 86_400_000) ?? DEFAULT_PRIVACY.retentionIntervalMs,
    retentionBatchSize: bounded(env, 'RETENTION_BATCH_SIZE', 1, 100_000) ?? DEFAULT_PRIVACY.retentionBatchSize,
  };
}
