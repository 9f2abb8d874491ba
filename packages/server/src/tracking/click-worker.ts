/**
 * Worker-thread entry that stores clicks through its own connection (the SQLite file, or a
 * PostgreSQL pool), so the hashing and the writes never block the thread that answers redirects,
 * and a busy redirect thread never starves the writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PointsRules } from '@advocacy-kit/core/rules';
import { openDatabase } from '../db/database.js';
import { databaseClickStore, type RawClick } from './click-store.js';

interface Init {
  databaseUrl: string | null;
  sqliteFile: string;
  salt: string;
  points: PointsRules;
}

const { databaseUrl, sqliteFile, salt, points } = workerData as Init;
const { db } = openDatabase({ databaseUrl, sqliteFile });
const store = databaseClickStore(db, salt, points);

parentPort!.on('message', (message: { id: number; batch: RawClick[] } | { close: true }) => {
  if ('close' in message) {
    void db.destroy().then(() => parentPort!.close());
    return;
  }
  store(message.batch).then(
    (unique) => parentPort!.postMessage({ id: message.id, unique }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
