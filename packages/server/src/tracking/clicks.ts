import type { ServerConfig } from '../config.js';
import type { Db, Dialect } from '../db/database.js';
import type { Logger } from '../log.js';
import type { PointRulesCache } from '../point-rules/schedule.js';
import { ClickRecorder, type ClickShutdown } from './click-recorder.js';
import { FileClickSpool, MemoryClickSpool } from './click-spool.js';
import { databaseClickStore, type ClickStore } from './click-store.js';
import { CLICK_WORKER_AVAILABLE, workerClickStore } from './worker-click-store.js';

export interface Clicks {
  recorder: ClickRecorder;
  /** Stores what it can until `deadline` (`Date.now()` time), leaves the rest in the spool, stops the worker. */
  close(deadline?: number): Promise<ClickShutdown>;
}

/**
 * The click recorder with its spool and store. Clicks are stored on a worker thread with its own
 * connection (an SQLite file is written synchronously; on PostgreSQL the redirects would otherwise
 * starve the writes of the event loop); in-memory SQLite (one connection) and code run from
 * TypeScript sources write in place. Clicks a previous process left in the spool are stored before
 * this resolves, so a restart serves only once they are counted (unless the database refuses
 * them: then they wait in the spool like any other).
 */
export async function openClicks(options: {
  config: ServerConfig;
  db: Db;
  dialect: Dialect;
  salt: string;
  logger: Logger;
  /** The point rules in effect at each click's time. */
  pointRules: PointRulesCache;
  /** Wraps the store, e.g. to tell the database monitor when a batch could not be written. */
  wrapStore?: (store: ClickStore) => ClickStore;
}): Promise<Clicks> {
  const { config, db, dialect, salt, logger, pointRules, wrapStore = (store) => store } = options;
  const schedule = () => pointRules.schedule();
  const spool =
    config.clickSpool.dir === null
      ? new MemoryClickSpool(config.clickSpool.maxBytes)
      : new FileClickSpool(config.clickSpool.dir, config.clickSpool.maxBytes);
  const worker =
    CLICK_WORKER_AVAILABLE && (dialect === 'postgres' || config.sqliteFile !== ':memory:')
      ? workerClickStore({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile, salt, schedule })
      : null;
  const store = wrapStore(worker?.store ?? databaseClickStore(db, salt, schedule));
  const recorder = new ClickRecorder(spool, store, config.clickFlush, logger);
  if (spool instanceof FileClickSpool && spool.leftover > 0) {
    const started = performance.now();
    const leftover = spool.leftover;
    await recorder.flush();
    logger.info('click spool replayed', {
      clicks: leftover,
      stored: leftover - recorder.depth(),
      left: recorder.depth(),
      ms: Math.round(performance.now() - started),
    });
  }
  return {
    recorder,
    async close(deadline) {
      const shutdown = await recorder.close(deadline);
      await worker?.close();
      return shutdown;
    },
  };
}
