/**
 * Worker-thread entry that stores clicks through its own connection (the SQLite file, or a
 * PostgreSQL pool), so the hashing and the writes never block the thread that answers redirects,
 * and a busy redirect thread never starves the writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/database.js';
import type { RulesSchedule } from '../point-rules/schedule.js';
import { databaseClickStore, tuneWriterConnection, type RawClick } from './click-store.js';

interface Init {
  databaseUrl: string | null;
  sqliteFile: string;
  salt: string;
  /** The point rules until the main thread posts newer ones (`{ schedule }`, before the next batch). */
  schedule: RulesSchedule;
}

const init = workerData as Init;
let schedule = init.schedule;
const { db, dialect } = openDatabase({ databaseUrl: init.databaseUrl, sqliteFile: init.sqliteFile });
await tuneWriterConnection(db, dialect);
const store = databaseClickStore(db, init.salt, () => schedule);

type Message = { id: number; batch: RawClick[] } | { schedule: RulesSchedule } | { close: true };

parentPort!.on('message', (message: Message) => {
  if ('close' in message) {
    void db.destroy().then(() => parentPort!.close());
    return;
  }
  if ('schedule' in message) {
    schedule = message.schedule;
    return;
  }
  store(message.batch).then(
    (unique) => parentPort!.postMessage({ id: message.id, unique }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
