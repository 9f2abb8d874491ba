import type { Db } from '../db/database.js';
import type { Logger } from '../log.js';
import type { SourcesConfig } from './config.js';
import { fetchSource } from './sources.js';
import { PeriodicJob } from '../periodic.js';

/** Sources fetched per pass at most; the rest wait for the next pass. */
const PER_PASS = 10;

/**
 * Fetches the curated sources that are due, on a timer (the engagement scheduler's pattern): one
 * pass at a time, sources in the order they fell due. A source's failures push its next fetch
 * out (see `nextFetch`), and its last error is kept on it for the admin to see.
 */
export class SourceScheduler {
  readonly #db: Db;
  readonly #config: SourcesConfig;
  readonly #logger: Logger;
  readonly #job: PeriodicJob<number>;

  constructor(options: { db: Db; config: SourcesConfig; logger: Logger }) {
    this.#db = options.db;
    this.#config = options.config;
    this.#logger = options.logger;
    this.#job = new PeriodicJob('sources tick', this.#logger, (now) => this.#tick(now));
  }

  start(): void {
    this.#job.start(this.#config.tickMs);
  }

  stop(): Promise<void> {
    return this.#job.stop();
  }

  /** How long a claimed source is this instance's: the feed's fetch and each preview's, and a margin. */
  #claimMs(): number {
    return this.#config.fetchTimeoutMs * (2 + this.#config.previewsPerFetch) + 60_000;
  }

  /** One pass at `now`; resolves with the number of items queued. */
  tick(now: Date): Promise<number> {
    return this.#job.run(now);
  }

  async #tick(now: Date): Promise<number> {
    const due = await this.#db
      .selectFrom('curated_sources')
      .selectAll()
      .where('paused', '=', 0)
      .where('next_fetch_at', '<=', now.toISOString())
      .orderBy('next_fetch_at')
      .limit(PER_PASS)
      .execute();
    let added = 0;
    for (const source of due) {
      // Every instance runs this pass: the one whose update moves the source's next fetch past the
      // fetch's deadline fetches it, and the others skip it. The fetch sets the real next time; if
      // this instance dies first, the source falls due again when the claim runs out.
      const claimed = await this.#db
        .updateTable('curated_sources')
        .set({ next_fetch_at: new Date(now.getTime() + this.#claimMs()).toISOString() })
        .where('id', '=', source.id)
        .where('next_fetch_at', '=', source.next_fetch_at)
        .where('paused', '=', 0)
        .executeTakeFirst();
      if (claimed.numUpdatedRows !== 1n) continue;
      const outcome = await fetchSource(this.#db, source, this.#config, now);
      if (outcome.error !== null) this.#logger.warn('source fetch failed', { source: source.id, error: outcome.error });
      added += outcome.added;
    }
    return added;
  }
}
