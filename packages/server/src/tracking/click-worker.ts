/**
 * Worker-thread entry that stores clicks in the SQLite file through its own connection, so the
 * hashing and the synchronous SQLite writes never block the thread that answers redirects.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PointsRules } from '@advocacy-kit/core/rules';
import { openDatabase } from '../db/database.js';
import { databaseClickStore, type RawClick } from './click-store.js';

interface Init {
  sqliteFile: string;
  salt: string;
  points: PointsRules;
}

const { sqliteFile, salt, points } = workerData as Init;
const { db } = openDatabase({ databaseUrl: null, sqliteFile });
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
