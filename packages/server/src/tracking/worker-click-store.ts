import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { PointsRules } from '../config.js';
import type { ClickStore, RawClick } from './click-store.js';

export interface WorkerClickStore {
  store: ClickStore;
  /** Waits for nothing more to be pending, then stops the worker and its connection. */
  close(): Promise<void>;
}

/** Entry of the worker, compiled next to this module. */
const entry = new URL('./click-worker.js', import.meta.url);

/**
 * Whether this module runs compiled. Run from TypeScript sources (tests through tsx), a worker
 * could not load its `.ts` entry, so the caller writes clicks in place instead.
 */
export const CLICK_WORKER_AVAILABLE = import.meta.url.endsWith('.js');

/**
 * A click store on a worker thread with its own connection to the SQLite file (WAL lets both
 * connections work; busy_timeout settles write turns). Batches go by message; each answer
 * settles its batch's promise.
 */
export function workerClickStore(options: { sqliteFile: string; salt: string; points: PointsRules }): WorkerClickStore {
  const worker = new Worker(entry, { workerData: options });
  worker.unref();
  const waiting = new Map<number, { resolve: (unique: number) => void; reject: (error: Error) => void }>();
  let next = 0;
  const failAll = (error: Error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  worker.on('message', (message: { id: number; unique?: number; error?: string }) => {
    const pending = waiting.get(message.id);
    if (pending === undefined) return;
    waiting.delete(message.id);
    if (message.error !== undefined) pending.reject(new Error(message.error));
    else pending.resolve(message.unique ?? 0);
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`click worker exited (${code})`)));

  return {
    store: (batch: RawClick[]) =>
      new Promise<number>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, batch });
      }).finally(() => {
        if (waiting.size === 0) worker.unref();
      }),
    async close() {
      worker.ref(); // keep the process alive until the worker has closed its connection
      const exited = once(worker, 'exit');
      worker.postMessage({ close: true });
      await exited;
    },
  };
}
