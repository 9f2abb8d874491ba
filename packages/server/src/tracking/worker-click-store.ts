import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { PointsRules } from '@advocacy-kit/core/rules';
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
 * and retries them) and is started again for the next batch.
 */
export function workerClickStore(options: {
  databaseUrl: string | null;
  sqliteFile: string;
  salt: string;
  points: PointsRules;
}): WorkerClickStore {
  const waiting = new Map<number, Waiting>();
  let next = 0;
  let current: Worker | null = null;

  const start = (): Worker => {
    const worker = new Worker(entry, { workerData: options });
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
    store: (batch: RawClick[]) =>
      new Promise<number>((resolve, reject) => {
        current ??= start();
        const id = next++;
        waiting.set(id, { resolve, reject });
        current.ref(); // keep the process alive while a batch is being stored
        current.postMessage({ id, batch });
      }),
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
