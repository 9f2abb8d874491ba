import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { BOARD_SQL, type BoardRequest, type BoardAnswer } from './board-read.js';

/**
 * Reads leaderboards off the main thread (SQLite only): better-sqlite3 runs a statement
 * synchronously, and a board is one pass over the ledger, so on the main thread it would stop
 * every request while it runs. Its own read-only connection to the file (WAL: readers do not wait
 * for writers). Per request it opens a read transaction, says so (the main thread waits for that,
 * so the board holds exactly the awards committed before it), then aggregates in it.
 */
const { sqliteFile } = workerData as { sqliteFile: string };
const db = new SQLite(sqliteFile, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const begin = db.prepare('begin');
const touch = db.prepare('select 1 from points_ledger limit 1');
const commit = db.prepare('commit');
const statements = new Map<string, SQLite.Statement>();
const opted = db.prepare('select employee_id from employee_preferences where show_on_leaderboard = 1').pluck();

parentPort!.on('message', (request: BoardRequest) => {
  try {
    begin.run();
    try {
      touch.get();
      parentPort!.postMessage({ id: request.id, started: true } satisfies BoardAnswer);
      const source = BOARD_SQL(request.from !== null);
      let statement = statements.get(source);
      if (statement === undefined) statements.set(source, (statement = db.prepare(source).raw()));
      const rows = statement.all([...request.reasons, ...(request.from === null ? [] : [request.from])]) as Array<[string, string, number]>;
      const optedIn = opted.all() as string[];
      parentPort!.postMessage({
        id: request.id,
        employees: rows.map((row) => row[0]),
        teams: rows.map((row) => row[1]),
        points: rows.map((row) => Number(row[2])),
        optedIn,
      } satisfies BoardAnswer);
    } finally {
      commit.run();
    }
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies BoardAnswer);
  }
});
