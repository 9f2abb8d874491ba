import { Worker } from 'node:worker_threads';
import { SPENDING_REASONS } from '@advocacy-kit/core/contract';

/** A board read asked of the worker (board-worker.ts). */
export interface BoardRequest {
  id: number;
  /** Start of the period, or null for all time. */
  from: string | null;
  reasons: string[];
}

/** The worker's answers: first that its read transaction began, then the board (or an error). */
export type BoardAnswer =
  | { id: number; started: true }
  | { id: number; employees: string[]; teams: string[]; points: number[]; optedIn: string[] }
  | { id: number; error: string };

/**
 * Everyone's earned points in the period (leavers left out) with their team, in SQLite with `?`
 * parameters: the spending reasons, then the period's start when `windowed`. SQLite's planner
 * prefers reading in employee order even for a one-week window; the range on points_period reads
 * a fraction of the ledger.
 */
export const BOARD_SQL = (windowed: boolean): string => `
  with totals as (
    select l.employee_id, sum(l.delta) as points
    from points_ledger l ${windowed ? 'indexed by points_period' : ''}
    where l.reason not in (${SPENDING_REASONS.map(() => '?').join(', ')}) ${windowed ? 'and l.created_at >= ?' : ''}
    group by l.employee_id
    having sum(l.delta) > 0
  )
  select totals.employee_id, e.team_id, totals.points
  from totals join employees e on e.id = totals.employee_id
  where e.status <> 'deactivated'`;

/** Whether this module runs compiled: from TypeScript sources (tests through tsx) a worker could not load its entry. */
export const BOARD_WORKER_AVAILABLE = import.meta.url.endsWith('.js');

export interface BoardRows {
  employees: string[];
  teams: string[];
  points: number[];
  optedIn: string[];
}

/** How long an idle board worker lives on, so an app closed without telling it does not keep a thread and a connection. */
const IDLE_MS = 60_000;

/**
 * Board reads on a worker thread with its own read-only connection to the SQLite file, started
 * when first needed and stopped after IDLE_MS without a read.
 */
export class BoardWorker {
  private worker: Worker | null = null;
  private idle: NodeJS.Timeout | null = null;
  private next = 0;
  private readonly waiting = new Map<number, { started: () => void; resolve: (rows: BoardRows) => void; reject: (error: Error) => void }>();

  constructor(private readonly sqliteFile: string) {}

  /** `started` settles once the worker's read transaction began; `rows` with the board. */
  read(from: string | null): { started: Promise<void>; rows: Promise<BoardRows> } {
    const worker = this.start();
    if (this.idle !== null) clearTimeout(this.idle);
    this.idle = null;
    const id = this.next++;
    let started!: () => void;
    const began = new Promise<void>((resolve) => (started = resolve));
    const rows = new Promise<BoardRows>((resolve, reject) => {
      this.waiting.set(id, { started, resolve, reject });
    });
    worker.ref();
    worker.postMessage({ id, from, reasons: [...SPENDING_REASONS] } satisfies BoardRequest);
    // A read that failed before it began must not leave its caller waiting for the start.
    rows.catch(() => started());
    return { started: began, rows };
  }

  private start(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(new URL('./board-worker.js', import.meta.url), { workerData: { sqliteFile: this.sqliteFile } });
    worker.unref();
    worker.on('message', (answer: BoardAnswer) => {
      const pending = this.waiting.get(answer.id);
      if (pending === undefined) return;
      if ('started' in answer) return pending.started();
      this.waiting.delete(answer.id);
      if (this.waiting.size === 0) {
        worker.unref();
        this.idle = setTimeout(() => {
          if (this.worker === worker && this.waiting.size === 0) {
            this.worker = null;
            void worker.terminate();
          }
        }, IDLE_MS);
        this.idle.unref();
      }
      if ('error' in answer) pending.reject(new Error(answer.error));
      else pending.resolve(answer);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const pending of this.waiting.values()) pending.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the leaderboard worker exited with ${code}`)));
    this.worker = worker;
    return worker;
  }
}
