import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { RulesSchedule } from '../point-rules/schedule.js';
import type { ClickStore, RawClick } from './click-store.js';

export interface WorkerClickStore {
  store: ClickStore;
  /** Stops the worker and its connection (call after the last batch is stored). */
  close(): Promise<void>;
}

/** Entry of the worker, compiled next to this module. */
const entry = new URL('./click-worker.js', import.meta.url);

/**
 * Whether this module runs compiled. Run from TypeScript sources (tests through tsx), a worker
 * could not load its `.ts` entry, so the caller writes clicks in place instead.
 */
export const CLICK_WORKER_AVAILABLE = import.meta.url.endsWith('.js');

interface Waiting {
  resolve: (unique: number) => void;
  reject: (error: Error) => void;
}

/**
 * A click store on a worker thread with its own connection: to the SQLite file (WAL lets both
 * connections work; busy_timeout settles write turns) or its own PostgreSQL pool. Batches go by message; each answer
 * settles its batch's promise. A worker that dies fails its pending batches (the recorder keeps
 * and retries them) and is started again for the next batch. The point rules go with the batches:
 * before a batch, the worker is sent the schedule (`schedule()`, cached by the caller) if it
 * changed since it was last sent, so every click is awarded by the rules in effect at its time.
 */
export function workerClickStore(options: {
  databaseUrl: string | null;
  sqliteFile: string;
  salt: string;
  schedule: () => Promise<RulesSchedule>;
}): WorkerClickStore {
  const { schedule, ...init } = options;
  const waiting = new Map<number, Waiting>();
  let next = 0;
  let current: Worker | null = null;
  /** The schedule the current worker has. */
  let sent: RulesSchedule | null = null;

  const start = (rules: RulesSchedule): Worker => {
    sent = rules;
    const worker = new Worker(entry, { workerData: { ...init, schedule: rules } });
    worker.unref();
    worker.on('message', (message: { id: number; unique?: number; error?: string }) => {
      const pending = waiting.get(message.id);
      if (pending === undefined) return;
      waiting.delete(message.id);
      if (waiting.size === 0) worker.unref();
      if (message.error !== undefined) pending.reject(new Error(message.error));
      else pending.resolve(message.unique ?? 0);
    });
    const fail = (error: Error) => {
      if (current === worker) current = null;
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the click worker stopped (exit code ${code})`)));
    return worker;
  };

  return {
    store: async (batch: RawClick[]) => {
      const rules = await schedule();
      return new Promise<number>((resolve, reject) => {
        if (current === null) current = start(rules);
        else if (sent !== rules) {
          current.postMessage({ schedule: rules });
          sent = rules;
        }
        const id = next++;
        waiting.set(id, { resolve, reject });
        current.ref(); // keep the process alive while a batch is being stored
        current.postMessage({ id, batch });
      });
    },
    async close() {
      const worker = current;
      if (worker === null) return;
      current = null;
      worker.ref(); // keep the process alive until the worker has closed its connection
      const exited = once(worker, 'exit');
      worker.postMessage({ close: true });
      await exited;
    },
  };
}
