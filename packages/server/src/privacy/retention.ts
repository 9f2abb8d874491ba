import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { Logger } from '../log.js';
import type { PrivacyConfig } from './config.js';

const DAY_MS = 86_400_000;
export const RETENTION_KEY = 'click_retention_days';

/** The click retention in force: the stored admin setting, else the configured default. */
export async function clickRetention(db: Db, config: PrivacyConfig): Promise<{ days: number | null; updatedAt: string | null }> {
  const row = await db.selectFrom('privacy_settings').selectAll().where('key', '=', RETENTION_KEY).executeTakeFirst();
  if (row === undefined) return { days: config.clickRetentionDays, updatedAt: null };
  return { days: JSON.parse(row.value) as number | null, updatedAt: row.updated_at };
}

/**
 * Deletes raw click rows older than `days` days, `batchSize` rows per statement (each its own short
 * transaction, so SQLite's write lock is released between batches and the redirect's writes get
 * in). The rollups are counted by triggers on insert and never read the raw rows back, so their
 * totals stay as they were. A click arriving meanwhile is newer than the cutoff: never deleted.
 * Resolves with the number of rows deleted.
 */
export async function deleteOldClicks(db: Kysely<Database>, now: Date, days: number, batchSize: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  let deleted = 0;
  for (;;) {
    const result = await sql`delete from clicks where (code, day, visitor_hash) in (
        select code, day, visitor_hash from clicks where created_at < ${cutoff} limit ${batchSize})`.execute(db);
    const count = Number(result.numAffectedRows ?? 0);
    deleted += count;
    if (count < batchSize) return deleted;
  }
}

/** Runs the click retention on a timer (like the engagement scheduler); `run()` is one pass. */
export class RetentionService {
  readonly #db: Kysely<Database>;
  readonly #config: PrivacyConfig;
  readonly #logger: Logger;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;

  constructor(options: { db: Kysely<Database>; config: PrivacyConfig; logger: Logger }) {
    this.#db = options.db;
    this.#config = options.config;
    this.#logger = options.logger;
  }

  start(): void {
    if (this.#timer !== null || this.#config.retentionIntervalMs <= 0) return;
    this.#timer = setInterval(() => {
      this.run(new Date()).catch((error: unknown) =>
        this.#logger.error('click retention failed', { error: error instanceof Error ? error.message : String(error) }),
      );
    }, this.#config.retentionIntervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => 0);
  }

  /** One pass at `now` (one at a time): resolves with the rows deleted, 0 when clicks are kept. */
  run(now: Date): Promise<number> {
    this.#running ??= (async () => {
      const { days } = await clickRetention(this.#db, this.#config);
      if (days === null) return 0;
      const deleted = await deleteOldClicks(this.#db, now, days, this.#config.retentionBatchSize);
      if (deleted > 0) this.#logger.info('click retention', { deleted, days });
      return deleted;
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }
}
